package com.groupbuy.command.order.queue;

import com.groupbuy.command.order.model.PlaceOrder;
import com.groupbuy.command.order.model.RejectOrder;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.util.List;

/**
 * A request that can never succeed (it does not decode, or its data breaks the code's invariants) goes to
 * {@code groupbuy.orders.requests.dlq} with its error, and its order is recorded as REJECTED, so the customer sees
 * an outcome instead of an order that never appears. Failures of the servers are retried until they are back and
 * never come here ({@link OrderQueueConfiguration}).
 */
class UnprocessableRequestRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(UnprocessableRequestRecoverer.class);

    private final DeadLetterPublishingRecoverer deadLetters;
    private final OrderQueue queue;
    private final CommandGateway commands;

    UnprocessableRequestRecoverer(KafkaTemplate<String, byte[]> kafka, OrderQueue queue, CommandGateway commands) {
        this.deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        this.queue = queue;
        this.commands = commands;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception error) {
        deadLetters.accept(record, error);
        try {
            OrderRequest request = queue.decode((byte[]) record.value());
            commands.sendAndWait(new PlaceOrder(request.orderId(), request.userId(),
                    request.items() == null ? List.of() : request.items(), request.couponId(), request.promotion()));
            commands.sendAndWait(new RejectOrder(request.orderId(), ErrorCode.INTERNAL_ERROR,
                    "the order could not be processed: " + error.getMessage()));
        } catch (RuntimeException cannotRecord) {
            log.error("order request {} is on the dead-letter topic; its rejection could not be recorded",
                    record.key(), cannotRecord);
        }
    }
}
