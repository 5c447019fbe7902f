package com.groupbuy.command.product.model;

/** Whether a product can be ordered, whatever its stock. */
public enum MenuStatus {
    ON_SALE,
    /** The shop cannot make it until the end of its day. */
    SOLD_OUT,
    /** Off the menu until relisted. */
    DELISTED
}
