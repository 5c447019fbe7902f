package com.groupbuy.query.groupbuys;

import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.query.web.QueryParameters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The groups of a deal for storefronts (Redis), and a deal's performance for analysts (PostgreSQL). */
@RestController
@RequestMapping("/api/v1")
class GroupBuyQueryController {

    private final GroupCache groups;
    private final GroupBuyAnalytics analytics;
    private final GroupBuyListing listing;
    private final Clock clock = Clock.systemUTC();

    GroupBuyQueryController(GroupCache groups, GroupBuyAnalytics analytics, GroupBuyListing listing) {
        this.groups = groups;
        this.analytics = analytics;
        this.listing = listing;
    }

    record DealList(List<GroupBuyListing.OfferedDeal> items) {
    }

    /** The deals running now, each with how many groups can be joined: for customers finding what is on offer. */
    @GetMapping("/group-buys")
    @ReadModel("group-buys")
    @PreAuthorize("isAuthenticated()")
    DealList running(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return new DealList(listing.running(clock.instant(), limit));
    }

    record GroupList(String groupBuyId, GroupStatus status, List<GroupView> items) {
    }

    @GetMapping("/group-buys/{groupBuyId}/groups")
    @ReadModel("group-cache")
    GroupList groups(@PathVariable @Size(max = 64) String groupBuyId,
                     @RequestParam(required = false) @Size(max = 16) String status,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        GroupStatus wanted = QueryParameters.oneOf("status", status, GroupStatus.class).orElse(GroupStatus.OPEN);
        return new GroupList(groupBuyId, wanted, groups.groupsOf(groupBuyId, wanted, limit, clock.instant()));
    }

    @GetMapping("/analytics/group-buys/{groupBuyId}")
    @ReadModel("group-buys")
    @PreAuthorize("hasRole('ANALYST')")
    GroupBuyStats deal(@PathVariable @Size(max = 64) String groupBuyId) {
        return analytics.of(groupBuyId).orElseThrow(() -> ApiException.notFound("No group buy " + groupBuyId));
    }
}
