package com.groupbuy.command.order.queue;

import com.groupbuy.command.infrastructure.tracing.TraceContextMetadata;
import com.groupbuy.command.order.process.OrderPlacementProcess;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Optional;

/**
 * The workers' side of the order queue. The consumer's offset is committed after the records of a poll have been
 * processed, i.e. after their events are stored; a worker that dies before that leaves them to be redelivered,
 * which the placement process tolerates.
 */
class OrderRequestListener {

    private static final Logger log = LoggerFactory.getLogger(OrderRequestListener.class);

    private final OrderQueue queue;
    private final OrderPlacementProcess placement;
    private final TraceContextMetadata traces;

    OrderRequestListener(OrderQueue queue, OrderPlacementProcess placement, TraceContextMetadata traces) {
        this.queue = queue;
        this.placement = placement;
        this.traces = traces;
    }

    @KafkaListener(id = "order-workers", topics = com.groupbuy.contract.Topics.ORDER_REQUESTS,
            groupId = com.groupbuy.contract.Topics.ORDER_WORKERS_GROUP,
            containerFactory = OrderQueueConfiguration.CONTAINER_FACTORY,
            concurrency = "${groupbuy.worker.consumers:4}")
    void onRequest(ConsumerRecord<String, byte[]> record) {
        OrderRequest request = queue.decode(record.value());
        Optional<Span> traced = traces.startContinuing(record.headers(), "order-requests process");
        if (traced.isEmpty()) {
            place(request, record);
            return;
        }
        Span span = traced.get();
        try (Tracer.SpanInScope ignored = traces.tracer().withSpan(span)) {
            place(request, record);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void place(OrderRequest request, ConsumerRecord<String, byte[]> record) {
        log.debug("order {} taken from {}-{}@{}", request.orderId(), record.topic(), record.partition(),
                record.offset());
        placement.place(request);
    }
}
