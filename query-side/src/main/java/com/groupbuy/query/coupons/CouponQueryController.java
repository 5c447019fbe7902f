package com.groupbuy.query.coupons;

import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.platform.security.CurrentUser;
import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.web.QueryParameters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** A customer's own coupons, and campaign analytics for analysts. */
@ReadModel("coupons")
@RestController
@RequestMapping("/api/v1")
class CouponQueryController {

    private final Coupons coupons;
    private final Clock clock = Clock.systemUTC();

    CouponQueryController(Coupons coupons) {
        this.coupons = coupons;
    }

    record CouponPage(List<CouponView> items, int page, int size) {
    }

    @GetMapping("/me/coupons")
    @PreAuthorize("hasRole('CUSTOMER')")
    CouponPage myCoupons(@RequestParam(required = false) @Size(max = 16) String status,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
                         Authentication authentication) {
        CouponStatus filter = QueryParameters.oneOf("status", status, CouponStatus.class).orElse(null);
        String userId = CurrentUser.of(authentication).userId();
        return new CouponPage(coupons.ofUser(userId, filter, page, size, clock.instant()), page, size);
    }

    record CampaignList(List<Coupons.ClaimableCampaign> items) {
    }

    /** The campaigns the caller can claim a coupon from now, with how many it holds of each already. */
    @GetMapping("/coupon-campaigns")
    @PreAuthorize("isAuthenticated()")
    CampaignList claimable(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                           Authentication authentication) {
        return new CampaignList(coupons.claimable(CurrentUser.of(authentication).userId(), clock.instant(), limit));
    }

    @GetMapping("/analytics/coupon-campaigns/{campaignId}")
    @PreAuthorize("hasRole('ANALYST')")
    CampaignStats campaign(@PathVariable @Size(max = 64) String campaignId) {
        return coupons.campaign(campaignId)
                .orElseThrow(() -> ApiException.notFound("No coupon campaign " + campaignId));
    }
}
