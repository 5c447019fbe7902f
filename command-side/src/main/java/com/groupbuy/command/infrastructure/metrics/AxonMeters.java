package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.util.List;

/**
 * Keeps axon-micrometer's meters to one series set per bus and event processor. Dimensional, Axon tags every meter
 * with the message's {@code payloadType} and publishes six client-side percentiles per timer: some 20 series per
 * (processor, event type) pair, thousands per pod, and percentiles cannot be added up across pods anyway. So the
 * tag goes, the percentiles go, and the per-type gauges ({@code capacity}, {@code latency}), whose values cannot be
 * merged into one series, are not published (the relay's and the projections' lag have meters of their own).
 */
final class AxonMeters implements MeterFilter {

    static final String PAYLOAD_TYPE = "payloadType";
    private static final List<String> AXON_COMPONENTS =
            List.of("commandBus", "eventProcessor", "eventStore", "queryBus", "queryUpdateEmitter");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (isAxon(id) && (id.getName().endsWith("capacity") || id.getName().endsWith("latency"))) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!isAxon(id)) {
            return id;
        }
        return id.replaceTags(id.getTags().stream().filter(tag -> !tag.getKey().equals(PAYLOAD_TYPE)).toList());
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!isAxon(id)) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentiles().build().merge(config);
    }

    private static boolean isAxon(Meter.Id id) {
        return AXON_COMPONENTS.stream().anyMatch(component -> id.getName().startsWith(component));
    }
}
