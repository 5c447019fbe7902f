package com.groupbuy.contract;

import com.groupbuy.events.AggregateType;

import java.util.Arrays;
import java.util.List;

/** Every Kafka topic and consumer group name of the system. */
public final class Topics {

    public static final String EVENTS_PREFIX = "groupbuy.events.";
    public static final String ORDER_REQUESTS = "groupbuy.orders.requests";
    public static final String ORDER_WORKERS_GROUP = "groupbuy-order-workers";
    public static final String PROJECTIONS_GROUP = "groupbuy-projections";

    private Topics() {
    }

    public static String eventsOf(AggregateType type) {
        return EVENTS_PREFIX + type.wireName();
    }

    public static List<String> allEventTopics() {
        return Arrays.stream(AggregateType.values()).map(Topics::eventsOf).toList();
    }

    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
