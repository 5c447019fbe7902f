package com.groupbuy.command.order.api;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.events.order.OrderItem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A line's options as the api takes them, for an order's lines and a group-buy member's alike. */
public final class OrderItems {

    /** What an option group's code and an option's code look like. */
    public static final String OPTION_CODE = "[a-z0-9][a-z0-9_-]{0,31}";

    private OrderItems() {
    }

    /** The line with its choices in one order (null: none), so that equal choices are equal lines. */
    public static OrderItem line(String sku, int quantity, Map<String, List<String>> options) {
        Map<String, List<String>> sorted = new TreeMap<>();
        if (options != null) {
            options.forEach((group, codes) -> sorted.put(group, codes.stream().sorted().toList()));
        }
        return new OrderItem(sku, quantity, sorted);
    }

    /** Checks a line's choices with {@code rules}; a refusal's detail names the line's product. */
    public static void requireValid(OrderItem item, Consumer<Map<String, List<String>>> rules) {
        try {
            rules.accept(item.options());
        } catch (BusinessRuleViolation wrongChoice) {
            throw new BusinessRuleViolation(wrongChoice.code(), item.sku() + ": " + wrongChoice.getMessage());
        }
    }
}
