package com.groupbuy.contract;

/** The shapes of every Redis key, shared by the projections that write them and the readers. */
public final class RedisKeys {

    private static final String PREFIX = "groupbuy:";

    private RedisKeys() {
    }

    /**
     * The generation of the product cache that readers use (a number). The product-cache projection builds a
     * generation from Kafka and then points this key at it; it is also the cache's marker: when it is missing,
     * Redis lost the cache and the projection rebuilds it from offset 0.
     */
    public static String productCacheGeneration() {
        return PREFIX + "product-cache:generation";
    }

    /** Hash of one product in one generation: name, category, priceCents, availableStock, the sequence applied. */
    public static String product(long generation, String sku) {
        return productsOf(generation) + sku;
    }

    /** The prefix shared by every product hash of one generation (for SCAN patterns). */
    public static String productsOf(long generation) {
        return PREFIX + "product:g" + generation + ":";
    }

    /** Held while one process rebuilds a projection's Redis read model, so that pods do not all rebuild it. */
    public static String rebuildLock(String projection) {
        return PREFIX + "rebuild-lock:" + projection;
    }

    /**
     * The generation of the flash-sale cache that readers use (a number), and the cache's marker; as
     * {@link #productCacheGeneration()}.
     */
    public static String flashSaleCacheGeneration() {
        return PREFIX + "flash-sale-cache:generation";
    }

    /**
     * Hash of one flash sale in one generation, as the query side serves it (projection {@code flash-sale-cache}):
     * sku, priceCents, quantity, perUserLimit, startsAt, endsAt, remaining, ended and the sequence last applied.
     * Not the gate's key: the gate decides admissions, this one only follows the sale's events.
     */
    public static String flashSale(long generation, String flashSaleId) {
        return flashSalesOf(generation) + flashSaleId;
    }

    /** The prefix shared by every flash-sale hash of one generation (for SCAN patterns). */
    public static String flashSalesOf(long generation) {
        return PREFIX + "flash-sale:g" + generation + ":";
    }

    /**
     * The flash-sale gate's state of one sale (a hash: sku, window, perUserLimit, remaining, state). The sale's
     * three keys share a hash tag, so they live in one slot and one script may touch them all.
     */
    public static String flashSaleGate(String flashSaleId) {
        return PREFIX + "flash-gate:{" + flashSaleId + "}";
    }

    /** The gate's units per buyer of one sale (a hash: userId → units admitted and not given back). */
    public static String flashSaleGateBuyers(String flashSaleId) {
        return flashSaleGate(flashSaleId) + ":buyers";
    }

    /** The gate's admitted orders of one sale (a hash: orderId → userId:units). */
    public static String flashSaleGateOrders(String flashSaleId) {
        return flashSaleGate(flashSaleId) + ":orders";
    }

    /**
     * A customer's purchase attempts on one flash sale in one rate-limit window: in the sale's hash slot, so the
     * gate's admission script counts them in the same call (and stays valid on a Redis Cluster).
     */
    public static String flashSaleGateRate(String flashSaleId, String userId, long window) {
        return flashSaleGate(flashSaleId) + ":rate:" + userId + ":" + window;
    }

    /** A customer's request count in the current rate-limit window. */
    public static String rateWindow(String userId, long window) {
        return PREFIX + "rate:{" + userId + "}:" + window;
    }

    /**
     * The generation of the group cache that readers use (a number), and the cache's marker; as
     * {@link #productCacheGeneration()}.
     */
    public static String groupCacheGeneration() {
        return PREFIX + "group-cache:generation";
    }

    /**
     * The prefix shared by every key of one generation of the group cache, both the group hashes and the deals'
     * status sets (for SCAN patterns).
     */
    public static String groupCacheOf(long generation) {
        return PREFIX + "group-cache:g" + generation + ":";
    }

    /** A group of a group buy, as the query side serves it (a hash: deal, size, members, status, expiresAt, …). */
    public static String group(long generation, String groupId) {
        return groupCacheOf(generation) + "group:" + groupId;
    }

    /** The groups of a deal in one status (a sorted set of group ids scored by their expiry, epoch ms). */
    public static String groupsOf(long generation, String groupBuyId, String status) {
        return groupCacheOf(generation) + "group-buy:" + groupBuyId + ":groups:" + status;
    }
}
