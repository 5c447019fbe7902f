package com.groupbuy.projections.maintenance;

import com.groupbuy.events.MalformedEventRecordException;
import com.groupbuy.projections.consumer.DecodedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Decoding for rebuilds: a record that is not an event record was dead-lettered live; a rebuild skips it too. */
final class LenientDecoding {

    private LenientDecoding() {
    }

    static List<DecodedEvent> decode(String projection, List<ConsumerRecord<String, byte[]>> records,
                                     AtomicLong skipped) {
        try {
            return DecodedEvent.decodeAll(projection, records);
        } catch (MalformedEventRecordException e) {
            List<DecodedEvent> decoded = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    decoded.addAll(DecodedEvent.decodeAll(projection, List.of(record)));
                } catch (MalformedEventRecordException malformed) {
                    skipped.incrementAndGet();
                }
            }
            return decoded;
        }
    }
}
