package com.groupbuy.command.order.queue;

import com.groupbuy.command.order.process.OrderPlacementProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The workers' side of the order queue. The consumer's offset is committed after the records of a poll have been
 * processed, i.e. after their events are stored; a worker that dies before that leaves them to be redelivered,
 * which the placement process tolerates.
 */
class OrderRequestListener {

    private static final Logger log = LoggerFactory.getLogger(OrderRequestListener.class);

    private final OrderQueue queue;
    private final OrderPlacementProcess placement;

    OrderRequestListener(OrderQueue queue, OrderPlacementProcess placement) {
        this.queue = queue;
        this.placement = placement;
    }

    @KafkaListener(id = "order-workers", topics = com.groupbuy.contract.Topics.ORDER_REQUESTS,
            groupId = com.groupbuy.contract.Topics.ORDER_WORKERS_GROUP,
            containerFactory = OrderQueueConfiguration.CONTAINER_FACTORY,
            concurrency = "${groupbuy.worker.consumers:4}")
    void onRequest(ConsumerRecord<String, byte[]> record) {
        OrderRequest request = queue.decode(record.value());
        log.debug("order {} taken from {}-{}@{}", request.orderId(), record.topic(), record.partition(),
                record.offset());
        placement.place(request);
    }
}
