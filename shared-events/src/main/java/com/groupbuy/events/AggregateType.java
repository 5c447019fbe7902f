package com.groupbuy.events;

/** The kinds of aggregate whose events are published; each has its own Kafka topic. */
public enum AggregateType {
    PRODUCT("product"),
    ORDER("order"),
    COUPON_CAMPAIGN("coupon-campaign"),
    COUPON("coupon"),
    FLASH_SALE("flash-sale"),
    GROUP_BUY("group-buy"),
    GROUP("group");

    private final String wireName;

    AggregateType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in event records and topic names, e.g. {@code product}. */
    public String wireName() {
        return wireName;
    }

    public static AggregateType fromWireName(String wireName) {
        for (AggregateType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown aggregate type: " + wireName);
    }
}
