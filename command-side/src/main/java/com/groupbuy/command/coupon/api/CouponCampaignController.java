package com.groupbuy.command.coupon.api;

import com.groupbuy.command.coupon.model.ClaimCoupon;
import com.groupbuy.command.coupon.model.CreateCouponCampaign;
import com.groupbuy.command.coupon.model.StopCouponCampaign;
import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.infrastructure.idempotency.IdempotentIds;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

@RestController
@Profile("api")
@RequestMapping("/api/v1/coupon-campaigns")
class CouponCampaignController {

    private final CommandGateway commands;
    private final Clock clock;

    CouponCampaignController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record CampaignRequest(@NotNull CouponType type,
                           @PositiveOrZero @Max(MoneyBounds.MAX_PRICE_CENTS) Long amountOffCents,
                           @Min(1) @Max(99) Integer percentOff,
                           @PositiveOrZero @Max(MoneyBounds.MAX_PRICE_CENTS) Long maxDiscountCents,
                           @PositiveOrZero @Max(MoneyBounds.MAX_PRICE_CENTS) Long minSpendCents,
                           @NotNull @Positive @Max(10_000_000) Integer totalQuantity,
                           @NotNull @Positive @Max(1_000) Integer perUserLimit,
                           @NotNull Instant validFrom,
                           @NotNull Instant validUntil,
                           @Size(max = 100) Set<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String> skus,
                           @Size(max = 100) Set<@Size(min = 1, max = 64) String> categories,
                           @Min(1) @Max(366) Integer validDaysAfterClaim) {

        CouponTerms terms() {
            return new CouponTerms(type, orZero(amountOffCents), percentOff == null ? 0 : percentOff,
                    orZero(maxDiscountCents), orZero(minSpendCents), skus == null ? Set.of() : Set.copyOf(skus),
                    categories == null ? Set.of() : Set.copyOf(categories), validFrom, validUntil,
                    validDaysAfterClaim);
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    record CampaignCreated(String campaignId) {
    }

    record CouponClaimedResponse(String couponId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CampaignCreated create(@Valid @RequestBody CampaignRequest request, Authentication caller,
                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String campaignId = IdempotentIds.idFor("coupon-campaign", CurrentUser.of(caller).userId(), key);
        commands.sendAndWait(new CreateCouponCampaign(campaignId, request.terms(), request.totalQuantity(),
                request.perUserLimit()));
        return new CampaignCreated(campaignId);
    }

    @PostMapping("/{campaignId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CUSTOMER')")
    CouponClaimedResponse claim(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String campaignId,
                                Authentication caller,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String userId = CurrentUser.of(caller).userId();
        String couponId = commands.sendAndWait(new ClaimCoupon(campaignId, userId,
                IdempotentIds.idFor("coupon", userId, key), clock.instant()));
        return new CouponClaimedResponse(couponId);
    }

    record CampaignStopped(String campaignId, int claimed) {
    }

    /** Stops the campaign: later claims are refused {@code ENDED}; coupons claimed before stay valid. */
    @PostMapping("/{campaignId}/stop")
    @PreAuthorize("hasRole('ADMIN')")
    CampaignStopped stop(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String campaignId) {
        int claimed = commands.<Integer>sendAndWait(new StopCouponCampaign(campaignId));
        return new CampaignStopped(campaignId, claimed);
    }
}
