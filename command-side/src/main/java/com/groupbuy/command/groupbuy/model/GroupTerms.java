package com.groupbuy.command.groupbuy.model;

import java.time.Duration;
import java.util.List;

/**
 * The terms a new group of a deal gets: one unit of {@code sku} at the group price, {@code groupSize}, a window, and
 * the option groups its members may choose from ({@code allowedOptions}, empty: the standard make only).
 */
public record GroupTerms(String groupBuyId, String sku, long groupPriceCents, int groupSize, Duration window,
                         List<String> allowedOptions) {

    public GroupTerms {
        allowedOptions = allowedOptions == null ? List.of() : List.copyOf(allowedOptions);
    }

    /** The terms of a deal that sells the standard make only. */
    public GroupTerms(String groupBuyId, String sku, long groupPriceCents, int groupSize, Duration window) {
        this(groupBuyId, sku, groupPriceCents, groupSize, window, List.of());
    }
}
