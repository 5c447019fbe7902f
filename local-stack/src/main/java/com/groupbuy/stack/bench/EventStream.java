package com.groupbuy.stack.bench;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load of a shop's history written straight to the event topics, in the event-record format of the relay
 * (the shared-events codec), keyed by aggregate and in sequence per aggregate: products, coupon campaigns, and
 * orders that are placed, reserve stock, are confirmed (every fifth with a coupon) and then paid (nine in ten,
 * stock committed) or expired (stock released, coupon restored). Deterministic for a given number of orders.
 */
final class EventStream implements AutoCloseable {

    static final int PRODUCTS = 200;
    static final int CAMPAIGNS = 10;
    static final int CUSTOMERS = 50_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(60);

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> perTopic = new HashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventStream(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    static String sku(int n) {
        return "BENCH-" + n;
    }

    static String campaign(int n) {
        return "bench-campaign-" + n;
    }

    /** Writes the whole history; returns the number of event records per topic. */
    Map<String, Long> write(int orders) {
        CouponTerms terms = new CouponTerms(CouponType.AMOUNT_OFF, 100, 0, 0, 0, Set.of(), Set.of(), START,
                START.plus(SPAN));
        for (int p = 0; p < PRODUCTS; p++) {
            send(START, new ProductRegistered(sku(p), "Bench drink " + p, "category-" + (p % 8), price(p),
                    100_000_000));
        }
        for (int c = 0; c < CAMPAIGNS; c++) {
            send(START, new CouponCampaignCreated(campaign(c), terms, orders, 1_000));
        }
        long step = SPAN.toMillis() / Math.max(1, orders);
        int[] claimed = new int[CAMPAIGNS];
        for (int i = 0; i < orders; i++) {
            Instant at = START.plusMillis(step * i);
            String orderId = "bench-order-" + i;
            String user = "bench-user-" + (i % CUSTOMERS);
            int product = (int) ((i * 2654435761L) % PRODUCTS);
            int quantity = 1 + i % 3;
            PricedLine line = new PricedLine(sku(product), "category-" + (product % 8), quantity, price(product));
            String couponId = null;
            String campaignId = campaign(i % CAMPAIGNS);
            long discount = 0;
            if (i % 5 == 0) {
                couponId = "bench-coupon-" + i;
                claimed[i % CAMPAIGNS]++;
                send(at, new CouponClaimed(campaignId, couponId, user, claimed[i % CAMPAIGNS]));
                send(at, new CouponIssued(couponId, campaignId, user, terms));
                discount = Math.min(100, line.lineTotalCents());
            }
            long total = line.lineTotalCents() - discount;
            send(at, new OrderPlaced(orderId, user, List.of(new OrderItem(line.sku(), quantity)), couponId));
            send(at, new StockReserved(line.sku(), orderId, quantity, line.unitPriceCents(), line.category()));
            if (couponId != null) {
                send(at, new CouponRedeemed(couponId, campaignId, user, orderId, discount));
            }
            Instant confirmed = at.plusMillis(200);
            send(confirmed, new OrderConfirmed(orderId, user, List.of(line), couponId, line.lineTotalCents(), discount,
                    total, confirmed.plus(Duration.ofMinutes(15))));
            if (i % 10 != 9) {
                Instant paid = confirmed.plusSeconds(30 + i % 600);
                send(paid, new OrderPaid(orderId, user, total, "bench-pay-" + i, List.of(line)));
                send(paid, new StockCommitted(line.sku(), orderId, quantity));
            } else {
                Instant expired = confirmed.plus(Duration.ofMinutes(15));
                send(expired, new OrderExpired(orderId, user, List.of(line), couponId));
                send(expired, new StockReleased(line.sku(), orderId, quantity));
                if (couponId != null) {
                    send(expired, new CouponRestored(couponId, campaignId, user, orderId, discount));
                }
            }
            if (failure.get() != null) {
                throw new IllegalStateException("the broker refused an event", failure.get());
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused an event", failure.get());
        }
        return perTopic;
    }

    private static long price(int product) {
        return 300 + product * 5L;
    }

    private void send(Instant at, DomainEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        byte[] value = EventRecordCodec.encode(EventRecordCodec.toRecord(UUID.randomUUID().toString(), sequence, at,
                event));
        String topic = Topics.eventsOf(event.aggregateType());
        perTopic.merge(topic, 1L, Long::sum);
        producer.send(new ProducerRecord<>(topic, event.aggregateId(), value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
