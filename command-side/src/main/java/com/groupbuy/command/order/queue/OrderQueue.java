package com.groupbuy.command.order.queue;

import com.groupbuy.command.infrastructure.tracing.TraceContextMetadata;
import com.groupbuy.contract.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The order queue: {@code groupbuy.orders.requests}, keyed by what the order contends on
 * ({@link OrderRequest#contendedAggregateId()}), so a repeat of a request lands on the same partition.
 * {@link #enqueue} returns only once the broker has the record (acks=all, idempotent producer), so a 202 answer
 * means the order cannot be lost.
 */
public class OrderQueue {

    private static final Logger log = LoggerFactory.getLogger(OrderQueue.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Duration ackTimeout;
    private final TraceContextMetadata traces;

    public OrderQueue(KafkaTemplate<String, byte[]> kafka, JsonMapper json, Duration ackTimeout,
                      TraceContextMetadata traces) {
        this.kafka = kafka;
        this.json = json;
        this.ackTimeout = ackTimeout;
        this.traces = traces;
    }

    /** Sends the request, with the current trace in its headers if that is sampled, and waits for the broker. */
    public void enqueue(OrderRequest request) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER_REQUESTS,
                request.contendedAggregateId(), json.writeValueAsBytes(request));
        traces.writeCurrentInto(record.headers());
        try {
            kafka.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("order {} queued", request.orderId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderQueueUnavailableException(e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // KafkaException: the send itself failed, e.g. no metadata for the topic while the broker is away
            throw new OrderQueueUnavailableException(e);
        }
    }

    public OrderRequest decode(byte[] bytes) {
        return json.readValue(bytes, OrderRequest.class);
    }
}
