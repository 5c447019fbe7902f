package com.groupbuy.events.product;

import java.util.List;

/**
 * One choice a drink offers (size, sugar, ice, toppings): a customer picks from {@code minChoices} to
 * {@code maxChoices} of its options; a group with {@code minChoices} above zero is required.
 */
public record OptionGroup(String code, String name, int minChoices, int maxChoices, List<Option> options) {

    public OptionGroup {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * An option and what it adds to the drink's price; an option with a {@code stockSku} uses one unit of that
     * product per drink (pearls, pudding), so it runs out with it.
     */
    public record Option(String code, String name, long priceDeltaCents, String stockSku) {
    }
}
