package com.groupbuy.query.orders;

import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.security.CurrentUser;
import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.web.QueryParameters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An order for its owner or an analyst; a customer's own history; the counter's queue for store staff. The user
 * always comes from the token.
 */
@ReadModel("orders")
@RestController
@RequestMapping("/api/v1")
class OrderQueryController {

    private final OrderHistory orders;

    OrderQueryController(OrderHistory orders) {
        this.orders = orders;
    }

    record OrderPage(List<OrderSummary> items, int page, int size) {
    }

    @GetMapping("/orders/{orderId}")
    @PreAuthorize("isAuthenticated()")
    OrderView order(@PathVariable @Size(max = 64) String orderId, Authentication authentication) {
        OrderView order = orders.find(orderId)
                .orElseThrow(() -> ApiException.notFound("No order " + orderId + " (yet)"));
        CurrentUser caller = CurrentUser.of(authentication);
        if (!caller.userId().equals(order.userId()) && !caller.isAnalyst()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Order " + orderId + " is not yours");
        }
        return order;
    }

    @GetMapping("/counter/queue")
    @PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
    CounterQueue counterQueue(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return new CounterQueue(orders.counterQueue(size));
    }

    @GetMapping("/me/orders")
    @PreAuthorize("hasRole('CUSTOMER')")
    OrderPage myOrders(@RequestParam(required = false) @Size(max = 16) String status,
                       @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                       Authentication authentication) {
        OrderStatus filter = QueryParameters.oneOf("status", status, OrderStatus.class).orElse(null);
        String userId = CurrentUser.of(authentication).userId();
        return new OrderPage(orders.ofUser(userId, filter, page, size), page, size);
    }
}
