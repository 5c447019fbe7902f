package com.groupbuy.projections.consumer;

import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.events.MalformedEventRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code projection_position} table: per projection and partition, the offset after the last record applied
 * and when that record's event happened. Written in the poll's transaction, so it never claims more than the rows
 * show; offsets only move forward.
 */
public final class ProjectionPositions {

    private final JdbcTemplate jdbc;

    public ProjectionPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String projection, List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            latest.put(new TopicPartition(record.topic(), record.partition()), record);
        }
        List<Object[]> rows = new ArrayList<>(latest.size());
        latest.forEach((partition, record) -> {
            Instant lastEventAt = occurredAt(record);
            rows.add(new Object[] {projection, partition.topic(), partition.partition(), record.offset() + 1,
                    lastEventAt == null ? null : Timestamp.from(lastEventAt)});
        });
        jdbc.batchUpdate("""
                INSERT INTO projection_position (projection, topic, partition_no, next_offset, last_event_at,
                                                 applied_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (projection, topic, partition_no) DO UPDATE
                   SET next_offset = GREATEST(projection_position.next_offset, EXCLUDED.next_offset),
                       last_event_at = COALESCE(EXCLUDED.last_event_at, projection_position.last_event_at),
                       applied_at = EXCLUDED.applied_at""", rows);
    }

    /** The next offset to apply, per partition the projection has applied anything from. */
    public Map<TopicPartition, Long> of(String projection) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query("SELECT topic, partition_no, next_offset FROM projection_position WHERE projection = ?",
                rs -> {
                    positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }, projection);
        return positions;
    }

    private static Instant occurredAt(ConsumerRecord<String, byte[]> record) {
        try {
            return EventRecordCodec.decode(record.value()).occurredAt();
        } catch (MalformedEventRecordException e) {
            return null;
        }
    }
}
