package com.groupbuy.command.domain;

/**
 * Money is whole cents within these bounds wherever it enters: prices, coupon amounts and payments. Within them no
 * line, subtotal or total can overflow a {@code long}.
 */
public final class MoneyBounds {

    /** The most a unit may cost, a coupon take off or ask to be spent: 1,000,000.00. */
    public static final long MAX_PRICE_CENTS = 100_000_000;

    /** The most an order can come to: 20 lines of 99 units at the highest price. */
    public static final long MAX_ORDER_TOTAL_CENTS = 20 * 99 * MAX_PRICE_CENTS;

    private MoneyBounds() {
    }
}
