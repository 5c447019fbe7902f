package com.groupbuy.command.order.queue;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.groupbuy.command.infrastructure.idempotency.IdempotentIds;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.Promotion;

import java.time.Instant;
import java.util.List;

/**
 * A customer's order as the api accepted it, waiting on the order queue for a worker. An order under a promotion
 * names it; a group buy's order also carries the group price the api accepted it at ({@code unitPriceCents}) and the
 * option groups the deal lets its members choose in ({@code allowedOptions}; null or empty: the standard make).
 */
public record OrderRequest(String orderId, String userId, List<OrderItem> items, String couponId,
                           Promotion promotion, Long unitPriceCents, Instant acceptedAt, List<String> allowedOptions) {

    public OrderRequest {
        allowedOptions = allowedOptions == null ? List.of() : List.copyOf(allowedOptions);
    }

    /** A regular order: list prices, an optional coupon. */
    public static OrderRequest regular(String orderId, String userId, List<OrderItem> items, String couponId,
                                       Instant acceptedAt) {
        return new OrderRequest(orderId, userId, items, couponId, null, null, acceptedAt, null);
    }

    /** A flash-sale purchase the gate admitted: {@code quantity} units of the sale's product. */
    public static OrderRequest flashSale(String orderId, String userId, String flashSaleId, String sku, int quantity,
                                         Instant acceptedAt) {
        return new OrderRequest(orderId, userId, List.of(new OrderItem(sku, quantity)), null,
                Promotion.flashSale(flashSaleId), null, acceptedAt, null);
    }

    /** A group member's order of the standard make: one unit of the deal's product at the group price. */
    public static OrderRequest groupBuy(String orderId, String userId, String groupBuyId, String groupId, String sku,
                                        long groupPriceCents, Instant acceptedAt) {
        return groupBuy(orderId, userId, groupBuyId, groupId, new OrderItem(sku, 1), groupPriceCents, List.of(),
                acceptedAt);
    }

    /**
     * A group member's order: one unit of the deal's product ({@code item}, with the member's options) at the group
     * price plus the options', which the deal lets its members choose in {@code allowedOptions}.
     */
    public static OrderRequest groupBuy(String orderId, String userId, String groupBuyId, String groupId,
                                        OrderItem item, long groupPriceCents, List<String> allowedOptions,
                                        Instant acceptedAt) {
        return new OrderRequest(orderId, userId, List.of(item), null, Promotion.groupBuy(groupBuyId, groupId),
                groupPriceCents, acceptedAt, allowedOptions);
    }

    /** The id of a new order: a repeat with the same idempotency key enqueues the same order, placed only once. */
    public static String idFor(String userId, String idempotencyKey) {
        return IdempotentIds.idFor("order", userId, idempotencyKey);
    }

    /**
     * What this order contends on with other orders: its flash sale, its group, or its (first) product. The order
     * queue is keyed by it, so the orders of one hot aggregate are placed by one worker's consumer one after the
     * other instead of racing for the aggregate across workers (decision 0008).
     */
    @JsonIgnore
    public String contendedAggregateId() {
        if (isFlashSale()) {
            return promotion.promotionId();
        }
        if (isGroupBuy()) {
            return promotion.groupId();
        }
        return items == null || items.isEmpty() ? orderId : items.getFirst().sku();
    }

    @JsonIgnore
    public boolean isFlashSale() {
        return promotion != null && promotion.isFlashSale();
    }

    @JsonIgnore
    public boolean isGroupBuy() {
        return promotion != null && promotion.isGroupBuy();
    }
}
