package com.groupbuy.command.order.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderQueueDepthTest {

    /** The broker's answers, in turn: a depth, or null for "could not be reached". */
    private static final class ScriptedProgress extends OrderQueueProgress {

        private final Deque<Long> answers;

        ScriptedProgress(Long... answers) {
            super(null);
            this.answers = new LinkedList<>(Arrays.asList(answers)); // null elements allowed
        }

        @Override
        public long depth() throws Exception {
            Long answer = answers.removeFirst();
            if (answer == null) {
                throw new TimeoutException("the broker cannot be reached");
            }
            return answer;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void the_depth_is_absent_while_the_broker_cannot_be_reached_and_reported_again_once_it_can() {
        OrderQueueDepth depth = new OrderQueueDepth(new ScriptedProgress(40L, null, 7L), registry);

        depth.refresh();
        assertThat(reported()).containsExactly(40.0);
        depth.refresh();
        assertThat(reported()).as("no stale 40 while the broker is away").isEmpty();
        depth.refresh();
        assertThat(reported()).containsExactly(7.0);
    }

    @Test
    void nothing_is_reported_before_the_broker_first_answers() {
        new OrderQueueDepth(new ScriptedProgress(), registry);

        assertThat(reported()).isEmpty();
    }

    private List<Double> reported() {
        return registry.find(OrderQueueDepth.METRIC).gauges().stream().map(Gauge::value).toList();
    }
}
