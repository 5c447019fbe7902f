package com.groupbuy.contract;

/** The shapes of every Redis key, shared by the projections that write them and the readers. */
public final class RedisKeys {

    private static final String PREFIX = "groupbuy:";

    private RedisKeys() {
    }

    /** Hash of one product: name, category, priceCents, availableStock and the sequence last applied. */
    public static String product(String sku) {
        return PREFIX + "product:" + sku;
    }
}
