package com.groupbuy.events.order;

import java.util.List;
import java.util.Map;

/**
 * A line as the customer asked for it: {@code options} maps an option group's code to the codes chosen in it
 * ({@code {"size": ["L"], "toppings": ["pearls"]}}); empty for a product without options or its standard make.
 */
public record OrderItem(String sku, int quantity, Map<String, List<String>> options) {

    public OrderItem {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A line without options. */
    public OrderItem(String sku, int quantity) {
        this(sku, quantity, Map.of());
    }

    public boolean hasOptions() {
        return !options.isEmpty();
    }
}
