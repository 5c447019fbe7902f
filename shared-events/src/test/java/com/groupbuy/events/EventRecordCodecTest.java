package com.groupbuy.events;

import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordCodecTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    @Test
    void an_event_travels_in_the_spec_envelope_and_comes_back_equal() {
        ProductRegistered event = new ProductRegistered("TEA-1", "Jasmine tea", "tea", 450, 20);

        byte[] bytes = EventRecordCodec.encode(EventRecordCodec.toRecord("e-1", 0, AT, event));
        EventRecord record = EventRecordCodec.decode(bytes);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(
                "\"eventId\":\"e-1\"", "\"eventType\":\"ProductRegistered\"", "\"schemaVersion\":1",
                "\"aggregateType\":\"product\"", "\"aggregateId\":\"TEA-1\"", "\"sequence\":0",
                "\"occurredAt\":\"2026-11-22T10:15:30Z\"", "\"payload\":{");
        assertThat(record.occurredAt()).isEqualTo(AT);
        assertThat(EventRecordCodec.payloadOf(record)).contains(event);
    }

    @Test
    void events_with_lists_sets_enums_and_instants_come_back_equal() {
        OrderConfirmed confirmed = new OrderConfirmed("o-1", "u1",
                List.of(new PricedLine("TEA-1", "tea", 2, 450), new PricedLine("BOBA-1", "milk-tea", 1, 590)),
                "c-1", 1490, 149, 1341, AT.plusSeconds(900));
        CouponIssued issued = new CouponIssued("c-1", "camp-1", "u1", new CouponTerms(CouponType.PERCENT_OFF, 0, 10,
                500, 1000, Set.of("TEA-1"), Set.of(), AT, AT.plusSeconds(86_400)));

        for (DomainEvent event : List.of(confirmed, issued)) {
            EventRecord record = EventRecordCodec.decode(
                    EventRecordCodec.encode(EventRecordCodec.toRecord("e", 3, AT, event)));
            assertThat(EventRecordCodec.payloadOf(record)).contains(event);
        }
    }

    @Test
    void an_unknown_event_type_is_skipped_not_failed() {
        EventRecord known = EventRecordCodec.toRecord("e-2", 1, AT, new StockAdjusted("TEA-1", 5, 25));
        EventRecord unknown = new EventRecord("e-3", "ProductTeleported", 1, "product", "TEA-1", 2, AT,
                known.payload());

        assertThat(EventRecordCodec.payloadOf(unknown)).isEmpty();
    }

    @Test
    void a_newer_schema_version_than_this_build_knows_is_skipped() {
        EventRecord current = EventRecordCodec.toRecord("e-4", 1, AT, new StockAdjusted("TEA-1", 5, 25));
        EventRecord newer = new EventRecord(current.eventId(), current.eventType(), 2, current.aggregateType(),
                current.aggregateId(), current.sequence(), current.occurredAt(), current.payload());

        assertThat(EventRecordCodec.payloadOf(newer)).isEmpty();
    }

    @Test
    void bytes_that_are_no_event_record_are_reported_as_malformed() {
        assertThatThrownBy(() -> EventRecordCodec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventRecordException.class);
        assertThatThrownBy(() -> EventRecordCodec.decode("{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventRecordException.class);
    }

    @Test
    void every_catalogued_event_has_a_schema_version() {
        assertThat(EventCatalog.eventTypes())
                .allSatisfy(type -> assertThat(EventCatalog.schemaVersionOf(type)).isPositive());
    }
}
