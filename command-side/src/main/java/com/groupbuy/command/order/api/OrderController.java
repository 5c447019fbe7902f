package com.groupbuy.command.order.api;

import com.groupbuy.command.domain.MoneyBounds;
import com.groupbuy.command.order.model.CancelOrder;
import com.groupbuy.command.order.model.PayOrder;
import com.groupbuy.command.order.queue.OrderQueue;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders: placing one only validates and enqueues it (202); payment and cancellation go to the order directly.
 */
@RestController
@Profile("api")
@RequestMapping("/api/v1/orders")
@PreAuthorize("hasRole('CUSTOMER')")
class OrderController {

    static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";

    private final OrderQueue queue;
    private final CommandGateway commands;
    private final Clock clock;

    OrderController(OrderQueue queue, CommandGateway commands, Clock clock) {
        this.queue = queue;
        this.commands = commands;
        this.clock = clock;
    }

    /** A line; {@code options} maps an option group's code to the codes chosen in it. */
    record Item(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,
                @NotNull @Min(1) @Max(99) Integer quantity,
                @Size(max = 10) Map<@Pattern(regexp = OrderItems.OPTION_CODE) String, @NotNull @Size(max = 20)
                        List<@NotNull @Pattern(regexp = OrderItems.OPTION_CODE) String>> options) {

        OrderItem toOrderItem() {
            return OrderItems.line(sku, quantity, options);
        }
    }

    record PlaceOrderRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull Item> items,
                             @Pattern(regexp = ID_PATTERN) String couponId) {

        @AssertTrue(message = "a product with the same options may appear on one line only")
        boolean isEachLineDifferent() {
            return items == null || items.stream().anyMatch(Objects::isNull) || items.stream()
                    .map(item -> item.sku() + item.toOrderItem().options()).distinct().count() == items.size();
        }
    }

    record OrderAccepted(String orderId) {
    }

    record PaymentRequest(@NotNull @PositiveOrZero @Max(MoneyBounds.MAX_ORDER_TOTAL_CENTS) Long amountCents,
                          @NotBlank @Size(max = 64) String paymentRef) {
    }

    @PostMapping
    ResponseEntity<OrderAccepted> place(@Valid @RequestBody PlaceOrderRequest request, Authentication caller,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String userId = CurrentUser.of(caller).userId();
        String orderId = OrderRequest.idFor(userId, key);
        List<OrderItem> items = request.items().stream().map(Item::toOrderItem).toList();
        checkChoices(items);
        queue.enqueue(OrderRequest.regular(orderId, userId, items, request.couponId(), clock.instant()));
        return ResponseEntity.accepted().body(new OrderAccepted(orderId));
    }

    /**
     * Lines with options are checked against the drink's options now, for a clear 422 before anything is queued
     * (the workers check again when they price the order). Orders without options skip this: it costs a load of
     * each product.
     */
    private void checkChoices(List<OrderItem> items) {
        items.stream().filter(OrderItem::hasOptions).forEach(item -> {
            Listing product = commands.sendAndWait(new DescribeProduct(item.sku()));
            OrderItems.requireValid(item, product.options()::price);
        });
    }

    @PostMapping("/{orderId}/payment")
    ResponseEntity<Void> pay(@PathVariable @Pattern(regexp = ID_PATTERN) String orderId,
                             @Valid @RequestBody PaymentRequest request, Authentication caller) {
        commands.sendAndWait(new PayOrder(orderId, CurrentUser.of(caller).userId(), request.amountCents(),
                request.paymentRef()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{orderId}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable @Pattern(regexp = ID_PATTERN) String orderId, Authentication caller) {
        commands.sendAndWait(new CancelOrder(orderId, CurrentUser.of(caller).userId()));
        return ResponseEntity.accepted().build();
    }
}
