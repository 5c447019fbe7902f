package com.groupbuy.command.groupbuy.model;

import java.time.Duration;

/** The terms a new group of a deal gets: one unit of {@code sku} at the group price, {@code groupSize}, a window. */
public record GroupTerms(String groupBuyId, String sku, long groupPriceCents, int groupSize, Duration window) {
}
