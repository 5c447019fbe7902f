package com.groupbuy.projections;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductOptionsChanged;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The product projections fed through a real broker into real PostgreSQL and Redis. */
class ProductProjectionsIT extends ProjectionsTestSupport {

    private final String sku = unique("PROJ");

    @Test
    void a_product_and_its_stock_changes_appear_in_postgresql_and_redis() {
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(1, new StockAdjusted(sku, 5, 25));

        eventually(() -> {
            assertThat(catalogRow()).containsEntry("stock_on_hand", 25).containsEntry("last_sequence", 1L);
            assertThat(cachedProduct(sku)).containsEntry("availableStock", "25").containsEntry("name", "Jasmine tea")
                    .containsEntry("priceCents", "450").containsEntry("sequence", "1");
        });
    }

    @Test
    void held_units_are_not_available_and_sold_units_leave_the_stock_on_hand() {
        publish(0, new ProductRegistered(sku, "Oolong", "tea", 500, 10));
        publish(1, new StockReserved(sku, "o-1", 3, 500, "tea"));
        publish(2, new StockReserved(sku, "o-2", 2, 500, "tea"));

        eventually(() -> assertThat(cachedProduct(sku)).containsEntry("availableStock", "5")
                .containsEntry("onHand", "10").containsEntry("reserved", "5"));

        publish(3, new StockCommitted(sku, "o-1", 3));
        publish(4, new StockReleased(sku, "o-2", 2));

        eventually(() -> {
            assertThat(cachedProduct(sku)).containsEntry("availableStock", "7")
                    .containsEntry("onHand", "7").containsEntry("reserved", "0").containsEntry("sequence", "4");
            assertThat(catalogRow()).containsEntry("stock_on_hand", 7);
        });
    }

    @Test
    void menu_changes_reach_the_catalog_and_the_product_cache_without_touching_the_stock() {
        Instant endOfDay = Instant.parse("2026-12-07T00:00:00Z");
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(1, new ProductRepriced(sku, 480, 450));
        publish(2, new ProductRenamed(sku, "Jasmine green tea"));
        publish(3, new ProductRecategorised(sku, "green-tea", "tea"));
        publish(4, new ProductMarkedSoldOut(sku, endOfDay));
        publish(5, new ProductDelisted(sku));

        eventually(() -> {
            assertThat(cachedProduct(sku)).containsEntry("sequence", "5").containsEntry("priceCents", "480")
                    .containsEntry("name", "Jasmine green tea").containsEntry("category", "green-tea")
                    .containsEntry("soldOutUntil", endOfDay.toString()).containsEntry("delisted", "1")
                    .containsEntry("availableStock", "20");
            assertThat(menuRow()).containsEntry("price_cents", 480L).containsEntry("name", "Jasmine green tea")
                    .containsEntry("category", "green-tea").containsEntry("sold_out_until", Timestamp.from(endOfDay))
                    .containsEntry("delisted", true).containsEntry("stock_on_hand", 20);
        });

        publish(6, new ProductBackOnSale(sku));
        publish(7, new ProductRelisted(sku));

        eventually(() -> {
            assertThat(cachedProduct(sku)).containsEntry("sequence", "7").containsEntry("soldOutUntil", "")
                    .containsEntry("delisted", "0");
            assertThat(menuRow()).containsEntry("sold_out_until", null).containsEntry("delisted", false)
                    .containsEntry("last_sequence", 7L);
        });
    }

    @Test
    void a_drinks_options_reach_the_product_cache_and_the_catalog_as_a_json_array() {
        publish(0, new ProductRegistered(sku, "Milk tea", "milk-tea", 500, 20));
        publish(1, new ProductOptionsChanged(sku, List.of(new OptionGroup("toppings", "Toppings", 0, 1,
                List.of(new OptionGroup.Option("pearls", "Pearls", 50, "PEARLS"))))));

        String expected = "[{\"code\":\"toppings\",\"name\":\"Toppings\",\"minChoices\":0,\"maxChoices\":1,"
                + "\"options\":[{\"code\":\"pearls\",\"name\":\"Pearls\",\"priceDeltaCents\":50,"
                + "\"stockSku\":\"PEARLS\"}]}]";
        eventually(() -> {
            assertThat(cachedProduct(sku)).containsEntry("optionGroups", expected).containsEntry("sequence", "1");
            assertThat(row("SELECT option_groups FROM catalog_product WHERE sku = ?", sku))
                    .containsEntry("option_groups", expected);
        });
    }

    @Test
    void a_redelivered_event_is_not_applied_twice() {
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(1, new StockAdjusted(sku, -4, 16));
        publish(1, new StockAdjusted(sku, -4, 16));
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(2, new StockReserved(sku, "o-1", 6, 450, "tea"));
        publish(2, new StockReserved(sku, "o-1", 6, 450, "tea"));
        publish(3, new StockCommitted(sku, "o-1", 6));
        publish(2, new StockReserved(sku, "o-1", 6, 450, "tea"));
        publish(3, new StockCommitted(sku, "o-1", 6));
        publish(4, new StockAdjusted(sku, 10, 20));
        awaitConsumedBy("product-cache", "catalog");

        assertThat(cachedProduct(sku)).containsEntry("sequence", "4").containsEntry("availableStock", "20")
                .containsEntry("onHand", "20").containsEntry("reserved", "0");
        assertThat(catalogRow()).containsEntry("stock_on_hand", 20).containsEntry("last_sequence", 4L);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_events_still_apply() {
        String topic = Topics.eventsOf(AggregateType.PRODUCT);
        kafka.send(topic, sku, "{\"this is\": \"not an event record\"}".getBytes(StandardCharsets.UTF_8)).join();
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));

        eventually(() -> assertThat(cachedProduct(sku)).containsEntry("availableStock", "20"));
        assertThat(deadLetterKeysUntil(Topics.deadLetterOf(topic), sku)).contains(sku);
    }

    @Test
    void events_of_unknown_types_are_skipped() {
        byte[] unknown = ("{\"eventId\":\"x\",\"eventType\":\"ProductTeleported\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"product\",\"aggregateId\":\"" + sku + "\",\"sequence\":0,"
                + "\"occurredAt\":\"2026-11-22T10:00:00Z\",\"payload\":{\"sku\":\"" + sku + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.eventsOf(AggregateType.PRODUCT), sku, unknown).join();
        publish(1, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));

        eventually(() -> assertThat(cachedProduct(sku)).containsEntry("sequence", "1")
                .containsEntry("availableStock", "20"));
    }

    private Map<String, Object> menuRow() {
        return row("""
                SELECT name, category, price_cents, sold_out_until, delisted, stock_on_hand, last_sequence
                  FROM catalog_product WHERE sku = ?""", sku);
    }

    private Map<String, Object> catalogRow() {
        return row("SELECT stock_on_hand, last_sequence FROM catalog_product WHERE sku = ?", sku);
    }

    private static List<String> deadLetterKeysUntil(String topic, String wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructures.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!keys.contains(wanted) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, byte[]> r) -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
