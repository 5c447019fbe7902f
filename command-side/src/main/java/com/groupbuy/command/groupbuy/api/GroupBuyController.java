package com.groupbuy.command.groupbuy.api;

import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.groupbuy.model.CreateGroupBuy;
import com.groupbuy.command.groupbuy.model.GroupTerms;
import com.groupbuy.command.groupbuy.model.CancelGroupBuy;
import com.groupbuy.command.groupbuy.model.DealStatus;
import com.groupbuy.command.groupbuy.model.JoinGroup;
import com.groupbuy.command.groupbuy.model.MemberChoices;
import com.groupbuy.command.groupbuy.model.MemberOrder;
import com.groupbuy.command.groupbuy.model.OpenGroup;
import com.groupbuy.command.groupbuy.model.PauseGroupBuy;
import com.groupbuy.command.groupbuy.model.RequireDealTakesMembers;
import com.groupbuy.command.groupbuy.model.ResumeGroupBuy;
import com.groupbuy.command.groupbuy.model.RemoveMember;
import com.groupbuy.command.groupbuy.model.TermsForNewGroup;
import com.groupbuy.command.infrastructure.idempotency.IdempotentIds;
import com.groupbuy.command.infrastructure.ratelimit.CrowdRateLimiter;
import com.groupbuy.command.infrastructure.web.HappyHoursRequest;
import com.groupbuy.command.order.api.OrderItems;
import com.groupbuy.command.order.queue.OrderQueue;
import com.groupbuy.command.order.queue.OrderQueueUnavailableException;
import com.groupbuy.command.order.queue.OrderRequest;
import com.groupbuy.command.product.model.DescribeProduct;
import com.groupbuy.command.product.model.Listing;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Group buys: an admin creates a deal, and may pause, resume or cancel it; a customer opens a group (and is its first
 * member) or joins one. Joining is decided by the deal (not paused or cancelled) and the group at once (409 when it
 * is full, closed or the customer is in it); the member's order then goes through the order queue (202) like any
 * other.
 */
@RestController
@Profile("api")
@RequestMapping("/api/v1/group-buys")
class GroupBuyController {

    private static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";
    private static final long MAX_WINDOW_SECONDS = 7 * 24 * 3600;

    private final CommandGateway commands;
    private final OrderQueue queue;
    private final CrowdRateLimiter rateLimiter;
    private final Clock clock;

    GroupBuyController(CommandGateway commands, OrderQueue queue, CrowdRateLimiter rateLimiter, Clock clock) {
        this.commands = commands;
        this.queue = queue;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    record CreateRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
                         @NotNull @Min(1) @Max(MoneyBounds.MAX_PRICE_CENTS) Long groupPriceCents,
                         @NotNull @Min(2) @Max(50) Integer groupSize,
                         @NotNull @Min(1) @Max(MAX_WINDOW_SECONDS) Long windowSeconds,
                         @NotNull Instant startsAt,
                         @NotNull Instant endsAt,
                         @Valid HappyHoursRequest happyHours,
                         @Size(max = 10)
                         List<@NotNull @Pattern(regexp = OrderItems.OPTION_CODE) String> allowedOptions) {

        @AssertTrue(message = "startsAt must be before endsAt")
        boolean isWindowForward() {
            return startsAt == null || endsAt == null || startsAt.isBefore(endsAt);
        }
    }

    record GroupBuyCreatedAnswer(String groupBuyId) {
    }

    record GroupOpenedAnswer(String groupId, String orderId) {
    }

    /** A member's order, optional as a whole: {@code options} as on an order's line, within what the deal allows. */
    record MemberRequest(@Size(max = 10) Map<@Pattern(regexp = OrderItems.OPTION_CODE) String,
            @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = OrderItems.OPTION_CODE) String>> options) {

        static final MemberRequest STANDARD_MAKE = new MemberRequest(null);
    }

    record MemberJoinedAnswer(String orderId) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GroupBuyCreatedAnswer> create(@Valid @RequestBody CreateRequest request, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String groupBuyId = IdempotentIds.idFor("group-buy", CurrentUser.of(caller).userId(), key);
        Listing product = commands.sendAndWait(new DescribeProduct(request.sku()));
        commands.sendAndWait(new CreateGroupBuy(groupBuyId, product, request.groupPriceCents(),
                request.groupSize(), request.windowSeconds(), request.startsAt(), request.endsAt(),
                HappyHoursRequest.toHappyHours(request.happyHours()), request.allowedOptions()));
        return ResponseEntity.created(URI.create("/api/v1/group-buys/" + groupBuyId))
                .body(new GroupBuyCreatedAnswer(groupBuyId));
    }

    record DealStatusAnswer(String groupBuyId, DealStatus status) {
    }

    @PostMapping("/{groupBuyId}/pause")
    @PreAuthorize("hasRole('ADMIN')")
    DealStatusAnswer pause(@PathVariable @Pattern(regexp = ID_PATTERN) String groupBuyId) {
        return new DealStatusAnswer(groupBuyId, commands.sendAndWait(new PauseGroupBuy(groupBuyId)));
    }

    @PostMapping("/{groupBuyId}/resume")
    @PreAuthorize("hasRole('ADMIN')")
    DealStatusAnswer resume(@PathVariable @Pattern(regexp = ID_PATTERN) String groupBuyId) {
        return new DealStatusAnswer(groupBuyId, commands.sendAndWait(new ResumeGroupBuy(groupBuyId)));
    }

    @PostMapping("/{groupBuyId}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    DealStatusAnswer cancel(@PathVariable @Pattern(regexp = ID_PATTERN) String groupBuyId) {
        return new DealStatusAnswer(groupBuyId, commands.sendAndWait(new CancelGroupBuy(groupBuyId)));
    }

    @PostMapping("/{groupBuyId}/groups")
    @PreAuthorize("hasRole('CUSTOMER')")
    ResponseEntity<GroupOpenedAnswer> open(@PathVariable @Pattern(regexp = ID_PATTERN) String groupBuyId,
            @Valid @RequestBody(required = false) MemberRequest request, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String userId = CurrentUser.of(caller).userId();
        rateLimiter.acquire(userId);
        String groupId = IdempotentIds.idFor("group", userId, key);
        String orderId = OrderRequest.idFor(userId, key);
        GroupTerms terms = commands.sendAndWait(new TermsForNewGroup(groupBuyId, clock.instant()));
        OrderItem item = checkedChoices(new MemberChoices(terms.sku(), terms.allowedOptions()), request);
        MemberOrder order = commands.sendAndWait(new OpenGroup(groupId, terms, userId, orderId));
        enqueue(order, userId, item, terms.allowedOptions());
        return ResponseEntity.accepted().body(new GroupOpenedAnswer(groupId, orderId));
    }

    @PostMapping("/{groupBuyId}/groups/{groupId}/members")
    @PreAuthorize("hasRole('CUSTOMER')")
    ResponseEntity<MemberJoinedAnswer> join(@PathVariable @Pattern(regexp = ID_PATTERN) String groupBuyId,
            @PathVariable @Pattern(regexp = ID_PATTERN) String groupId,
            @Valid @RequestBody(required = false) MemberRequest request, Authentication caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String userId = CurrentUser.of(caller).userId();
        rateLimiter.acquire(userId);
        String orderId = OrderRequest.idFor(userId, key);
        MemberChoices choices = commands.sendAndWait(new RequireDealTakesMembers(groupBuyId));
        OrderItem item = checkedChoices(choices, request);
        MemberOrder order = commands.sendAndWait(new JoinGroup(groupId, groupBuyId, userId, orderId));
        enqueue(order, userId, item, choices.allowedOptions());
        return ResponseEntity.accepted().body(new MemberJoinedAnswer(orderId));
    }

    /**
     * The member's line, its options checked against the drink's menu as the deal allows it now, for a clear 422
     * before the member joins (the workers check again when they price the order). A deal that allows no options
     * and a member who chose none skip this: it costs a load of the product.
     */
    private OrderItem checkedChoices(MemberChoices deal, MemberRequest request) {
        OrderItem item = OrderItems.line(deal.sku(), 1,
                (request == null ? MemberRequest.STANDARD_MAKE : request).options());
        if (item.hasOptions() || !deal.allowedOptions().isEmpty()) {
            Listing product = commands.sendAndWait(new DescribeProduct(deal.sku()));
            OrderItems.requireValid(item, options -> product.options().priceAllowing(deal.allowedOptions(), options));
        }
        return item;
    }

    /** A member whose order the queue does not take leaves the group again; the customer may try once more. */
    private void enqueue(MemberOrder order, String userId, OrderItem item, List<String> allowedOptions) {
        try {
            queue.enqueue(OrderRequest.groupBuy(order.orderId(), userId, order.groupBuyId(), order.groupId(), item,
                    order.groupPriceCents(), allowedOptions, clock.instant()));
        } catch (OrderQueueUnavailableException e) {
            commands.sendAndWait(new RemoveMember(order.groupId(), order.orderId(), "NOT_QUEUED"));
            throw e;
        }
    }
}
