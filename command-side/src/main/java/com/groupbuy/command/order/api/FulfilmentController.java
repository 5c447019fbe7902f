package com.groupbuy.command.order.api;

import com.groupbuy.command.order.model.HandOverOrder;
import com.groupbuy.command.order.model.MarkOrderReady;
import com.groupbuy.command.order.model.StartPreparingOrder;
import com.groupbuy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;

/**
 * The counter: store staff start making a paid order, put it on the counter when it is made, and hand it to the
 * customer who shows its pickup code. A ready order waits {@code groupbuy.orders.pickup-window} (30 minutes unless
 * set) before it counts as not collected.
 */
@RestController
@Profile("api")
@RequestMapping("/api/v1/orders")
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
class FulfilmentController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Duration pickupWindow;

    FulfilmentController(CommandGateway commands, Clock clock,
                         @Value("${groupbuy.orders.pickup-window:30m}") Duration pickupWindow) {
        this.commands = commands;
        this.clock = clock;
        this.pickupWindow = pickupWindow;
    }

    record HandOverRequest(@NotBlank @Size(max = 16) String pickupCode) {
    }

    @PostMapping("/{orderId}/preparation")
    ResponseEntity<Void> startPreparing(@PathVariable @Pattern(regexp = OrderController.ID_PATTERN) String orderId,
                                        Authentication staff) {
        commands.sendAndWait(new StartPreparingOrder(orderId, CurrentUser.of(staff).userId()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{orderId}/ready")
    ResponseEntity<Void> markReady(@PathVariable @Pattern(regexp = OrderController.ID_PATTERN) String orderId,
                                   Authentication staff) {
        commands.sendAndWait(new MarkOrderReady(orderId, CurrentUser.of(staff).userId(),
                clock.instant().plus(pickupWindow)));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{orderId}/handover")
    ResponseEntity<Void> handOver(@PathVariable @Pattern(regexp = OrderController.ID_PATTERN) String orderId,
                                  @Valid @RequestBody HandOverRequest request, Authentication staff) {
        commands.sendAndWait(new HandOverOrder(orderId, CurrentUser.of(staff).userId(), request.pickupCode()));
        return ResponseEntity.accepted().build();
    }
}
