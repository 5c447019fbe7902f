package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;

/**
 * The Kafka consumer groups of the projections: {@code <prefix>.<projection>} for a projection's live consumers and
 * {@code <prefix>.<projection>.dlq-replay} for its dead-letter replay. The prefix is
 * {@code groupbuy.projections.group-prefix} ({@code groupbuy-projections} unless set): two deployments that share a
 * Kafka cluster, each with its own read-model database, must not share a group, or each would apply only the
 * records of the partitions the broker happens to give it.
 */
public record ProjectionGroups(String prefix) {

    public static final ProjectionGroups DEFAULT = new ProjectionGroups(Topics.PROJECTIONS_GROUP);

    public ProjectionGroups {
        prefix = prefix == null || prefix.isBlank() ? Topics.PROJECTIONS_GROUP : prefix;
    }

    /** The consumer group of a projection's live consumers. */
    public String live(String projection) {
        return prefix + "." + projection;
    }

    /** The consumer group of a projection's dead-letter replay: where its last replay stopped. */
    public String deadLetterReplay(String projection) {
        return live(projection) + ".dlq-replay";
    }
}
