package com.groupbuy.command.groupbuy.model;

/** The order a member places: one unit of the deal's product at the group price. */
public record MemberOrder(String groupBuyId, String groupId, String orderId, String sku, long groupPriceCents) {
}
