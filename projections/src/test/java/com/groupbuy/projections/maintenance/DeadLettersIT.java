package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.projections.ProjectionsTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison events, dead letters and their replay, and events this build does not know, through the real broker
 * into real PostgreSQL.
 */
class DeadLettersIT extends ProjectionsTestSupport {

    @Autowired
    MeterRegistry registry;

    private final String sku = unique("DLQ");

    @Test
    void a_poison_event_lands_in_the_dead_letter_topic_the_next_events_still_apply_and_a_replay_applies_it_once_fixed()
            throws Exception {
        String poisoned = unique("DLQ-LONG");
        double before = deadLetters("catalog");
        publish(0, new ProductRegistered(sku, "Before", "tea", 100, 1));
        publish(0, new ProductRegistered(poisoned, "x".repeat(300), "tea", 100, 1));
        publish(1, new StockAdjusted(sku, 4, 5));
        awaitConsumedBy("catalog");

        assertThat(deadLetters("catalog")).isEqualTo(before + 1);
        assertThat(row("SELECT stock_on_hand FROM catalog_product WHERE sku = ?", sku))
                .containsEntry("stock_on_hand", 5);
        assertThat(row("SELECT sku FROM catalog_product WHERE sku = ?", poisoned)).isEmpty();
        eventually(() -> assertThat(deadLettersPending("catalog")).as("waiting for a replay").isPositive());

        jdbc.sql("ALTER TABLE catalog_product ALTER COLUMN name TYPE VARCHAR(1000)").update();
        Answer replay = call("POST", "/admin/projections/catalog/dead-letters/replay");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("applied").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row("SELECT length(name) AS length FROM catalog_product WHERE sku = ?", poisoned))
                .containsEntry("length", 300);
        Answer again = call("POST", "/admin/projections/catalog/dead-letters/replay");
        assertThat(again.body().get("applied").asInt()).isZero();
        int failedAgain = again.body().get("failedAgain").asInt();
        eventually(() -> assertThat(deadLettersPending("catalog"))
                .as("what failed again waits for the next replay at the end of its topic").isEqualTo(failedAgain));
    }

    @Test
    void a_dead_letter_whose_product_changed_after_it_is_not_applied_too_late_but_repaired_by_a_rebuild()
            throws Exception {
        String late = unique("DLQ-LATE");
        String guard = "refuses_" + late.toLowerCase().replace('-', '_');
        jdbc.sql("ALTER TABLE catalog_product ADD CONSTRAINT " + guard + " CHECK (sku <> '" + late + "')").update();
        publish(0, new ProductRegistered(late, "Late tea", "tea", 100, 1));
        publish(1, new StockAdjusted(late, 4, 5));
        awaitConsumedBy("catalog");
        assertThat(row("SELECT sku FROM catalog_product WHERE sku = ?", late)).isEmpty();

        jdbc.sql("ALTER TABLE catalog_product DROP CONSTRAINT " + guard).update();
        Answer replay = call("POST", "/admin/projections/catalog/dead-letters/replay");

        // other tests' dead letters of the catalog may be replayed alongside: count at least ours
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("superseded").asInt()).as(replay.body().toString()).isPositive();
        assertThat(replay.body().get("rebuild").get("state").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", "/admin/projections/catalog/rebuild").body().get("state").asString())
                        .isEqualTo("DONE"));
        assertThat(row("SELECT stock_on_hand, last_sequence FROM catalog_product WHERE sku = ?", late))
                .containsEntry("stock_on_hand", 5).containsEntry("last_sequence", 1L);
    }

    @Test
    void events_of_unknown_types_and_of_newer_schema_versions_are_skipped_without_a_dead_letter() {
        double before = deadLetters("catalog");
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        raw(1, "ProductTeleported", 1, "{\"sku\":\"" + sku + "\",\"to\":\"Mars\"}");
        raw(2, "StockAdjusted", 99, "{\"sku\":\"" + sku + "\",\"delta\":{\"units\":1000},\"stockAfter\":\"lots\"}");
        publish(3, new StockAdjusted(sku, 5, 25));
        awaitConsumedBy("catalog", "product-cache");

        assertThat(row("SELECT name, stock_on_hand, last_sequence FROM catalog_product WHERE sku = ?", sku))
                .containsEntry("name", "Jasmine tea").containsEntry("stock_on_hand", 25)
                .containsEntry("last_sequence", 3L);
        assertThat(cachedProduct(sku)).containsEntry("availableStock", "25").containsEntry("sequence", "3");
        assertThat(deadLetters("catalog")).isEqualTo(before);
    }

    private void raw(long sequence, String eventType, int schemaVersion, String payload) {
        String record = "{\"eventId\":\"" + unique("e") + "\",\"eventType\":\"" + eventType + "\",\"schemaVersion\":"
                + schemaVersion + ",\"aggregateType\":\"product\",\"aggregateId\":\"" + sku + "\",\"sequence\":"
                + sequence + ",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"payload\":" + payload + "}";
        sent(kafka.send(Topics.eventsOf(AggregateType.PRODUCT), sku, record.getBytes(StandardCharsets.UTF_8)).join()
                .getRecordMetadata());
    }

    private double deadLettersPending(String projection) {
        return registry.get("groupbuy.projection.dead.letters.pending").tag("projection", projection).gauge().value();
    }

    private double deadLetters(String projection) {
        return registry.get("groupbuy.projection.dead.letters").tag("projection", projection).counter().count();
    }
}
