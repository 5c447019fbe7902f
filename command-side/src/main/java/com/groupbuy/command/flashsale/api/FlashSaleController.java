package com.groupbuy.command.flashsale.api;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.HappyHoursRule;
import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.flashsale.gate.FlashSaleGate;
import com.groupbuy.command.flashsale.gate.FlashSaleGateRepair;
import com.groupbuy.command.flashsale.gate.GateSyncingException;
import com.groupbuy.command.flashsale.model.EndFlashSaleEarly;
import com.groupbuy.command.flashsale.model.ScheduleFlashSale;
import com.groupbuy.command.infrastructure.idempotency.IdempotentIds;
import com.groupbuy.command.infrastructure.web.HappyHoursRequest;
import com.groupbuy.command.order.process.CommandFailures;
import com.groupbuy.command.product.model.Allotment;
import com.groupbuy.command.product.model.ReturnStock;
import com.groupbuy.command.product.model.SetAsideStock;
import com.groupbuy.platform.security.CurrentUser;
import com.groupbuy.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
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
import java.time.Duration;
import java.time.Instant;

/**
 * Flash sales: scheduling one sets its units aside from the product; a purchase is decided by the gate at the edge
 * and, when admitted, enqueued for the workers (202) without touching PostgreSQL; refusals answer 409 at once. Most
 * purchases are answered by {@link CrowdPurchaseFilter} before they reach this controller.
 */
@RestController
@Profile("api")
@RequestMapping("/api/v1/flash-sales")
class FlashSaleController {

    private static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";

    private final CommandGateway commands;
    private final FlashSaleGate gate;
    private final FlashSaleGateRepair repair;
    private final FlashSalePurchases purchases;

    FlashSaleController(CommandGateway commands, FlashSaleGate gate, FlashSaleGateRepair repair,
                        FlashSalePurchases purchases) {
        this.commands = commands;
        this.gate = gate;
        this.repair = repair;
        this.purchases = purchases;
    }

    record ScheduleRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
                           @NotNull @Min(1) @Max(MoneyBounds.MAX_PRICE_CENTS) Long priceCents,
                           @NotNull @Min(1) @Max(1_000_000) Integer quantity,
                           @NotNull @Min(1) @Max(99) Integer perUserLimit,
                           @NotNull Instant startsAt,
                           @NotNull Instant endsAt,
                           @Valid HappyHoursRequest happyHours) {

        @AssertTrue(message = "startsAt must be before endsAt")
        boolean isWindowForward() {
            return startsAt == null || endsAt == null || startsAt.isBefore(endsAt);
        }

        @AssertTrue(message = "a sale with happyHours may last at most 366 days")
        boolean isHappyHoursSpanBounded() {
            return happyHours == null || startsAt == null || endsAt == null
                    || Duration.between(startsAt, endsAt).compareTo(HappyHoursRule.MAX_SPAN) <= 0;
        }
    }

    record FlashSaleCreated(String flashSaleId) {
    }

    record PurchaseRequest(@NotNull @Min(1) @Max(99) Integer quantity) {
    }

    record PurchaseAccepted(String orderId) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<FlashSaleCreated> schedule(@Valid @RequestBody ScheduleRequest request, Authentication caller,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String flashSaleId = IdempotentIds.idFor("flash-sale", CurrentUser.of(caller).userId(), key);
        Allotment units = commands.sendAndWait(new SetAsideStock(request.sku(), flashSaleId, request.quantity()));
        if (scheduleOver(units, flashSaleId, request)) {
            gate.open(flashSaleId, request.sku(), request.startsAt(), request.endsAt(),
                    HappyHoursRequest.toHappyHours(request.happyHours()), request.perUserLimit(), units.quantity());
        }
        return ResponseEntity.created(URI.create("/api/v1/flash-sales/" + flashSaleId))
                .body(new FlashSaleCreated(flashSaleId));
    }

    /**
     * A purchase that {@link CrowdPurchaseFilter} did not answer ahead of the security chain (one with an
     * {@code Idempotency-Key}, or one the chain or the validation refuses): decided the same way, by
     * {@link FlashSalePurchases}.
     */
    @PostMapping("/{flashSaleId}/orders")
    @PreAuthorize("hasRole('CUSTOMER')")
    ResponseEntity<?> buy(@PathVariable @Pattern(regexp = ID_PATTERN) String flashSaleId,
                          @Valid @RequestBody PurchaseRequest request, Authentication caller,
                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return switch (purchases.buy(flashSaleId, CurrentUser.of(caller).userId(), request.quantity(), key)) {
            case FlashSalePurchases.Accepted accepted -> ResponseEntity.accepted()
                    .body(new PurchaseAccepted(accepted.orderId()));
            case FlashSalePurchases.Refused refused -> {
                ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status());
                if (refused.retryAfterSeconds() > 0) {
                    answer.header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
                }
                yield answer.body(Problems.of(refused.status(), refused.code(), refused.detail()));
            }
        };
    }

    record SaleEnded(String flashSaleId, int unitsReturned) {
    }

    /**
     * Ends the sale now: the gate refuses from this moment, purchases still in the order queue are rejected
     * {@code ENDED}, and the units left go back to the product. Ending it again answers 0 units.
     */
    @PostMapping("/{flashSaleId}/end")
    @PreAuthorize("hasRole('ADMIN')")
    SaleEnded end(@PathVariable @Pattern(regexp = ID_PATTERN) String flashSaleId) {
        int unitsReturned = commands.<Integer>sendAndWait(new EndFlashSaleEarly(flashSaleId));
        gate.close(flashSaleId);
        return new SaleEnded(flashSaleId, unitsReturned);
    }

    @PostMapping("/{flashSaleId}/reconciliation")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<FlashSaleGateRepair.GateRepairReport> reconcile(
            @PathVariable @Pattern(regexp = ID_PATTERN) String flashSaleId) {
        return repair.repair(flashSaleId)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new GateSyncingException(flashSaleId));
    }

    /**
     * Schedules the sale over the units set aside for it. They go back to the product only when the sale's rules
     * refused it: that refusal is final (a repeat is refused again, and a repeat of a sale that exists is never
     * refused), so no sale can sell them. After any other failure a sale with this id may exist, or the repeat with
     * the same Idempotency-Key may schedule it over these same units (setting aside again answers them again), so
     * they stay set aside for it.
     *
     * <p>Answers whether the sale was scheduled now. Only then is the gate opened with all the sale's units: a
     * repeat must not reopen a gate that has lost the sale after purchases (the next purchase rebuilds it from the
     * sale instead).
     */
    private boolean scheduleOver(Allotment units, String flashSaleId, ScheduleRequest request) {
        try {
            return Boolean.TRUE.equals(commands.<Boolean>sendAndWait(new ScheduleFlashSale(flashSaleId,
                    request.sku(), units.category(), request.priceCents(), units.quantity(), request.perUserLimit(),
                    request.startsAt(), request.endsAt(), HappyHoursRequest.toHappyHours(request.happyHours()))));
        } catch (RuntimeException failure) {
            if (CommandFailures.causeOf(failure) instanceof BusinessRuleViolation) {
                commands.sendAndWait(new ReturnStock(request.sku(), flashSaleId, units.quantity()));
            }
            throw failure;
        }
    }
}
