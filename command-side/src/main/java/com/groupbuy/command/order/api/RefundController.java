package com.groupbuy.command.order.api;

import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.order.model.RefundPaidOrder;
import com.groupbuy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Refunds by the shop: an admin pays a paid order back, in full or in part, and says why. */
@RestController
@Profile("api")
@RequestMapping("/api/v1/orders")
@PreAuthorize("hasRole('ADMIN')")
class RefundController {

    private final CommandGateway commands;

    RefundController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code amountCents}: part of the payment to give back (money only); absent: all that is left of it. */
    record RefundRequest(@NotBlank @Size(max = 200) String reason,
                         @Positive @Max(MoneyBounds.MAX_ORDER_TOTAL_CENTS) Long amountCents) {
    }

    @PostMapping("/{orderId}/refund")
    ResponseEntity<Void> refund(@PathVariable @Pattern(regexp = OrderController.ID_PATTERN) String orderId,
                                @Valid @RequestBody RefundRequest request, Authentication admin) {
        commands.sendAndWait(new RefundPaidOrder(orderId, CurrentUser.of(admin).userId(), request.reason(),
                request.amountCents()));
        return ResponseEntity.accepted().build();
    }
}
