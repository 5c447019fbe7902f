package com.groupbuy.projections.maintenance;

import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** Computes {@link ReadModelChecksum}s of PostgreSQL tables and of Redis hashes and sorted sets. */
final class Checksums {

    /** Columns that say when the projection wrote a row, not what it reflects: left out of the checksum. */
    private static final Set<String> WRITE_TIME_COLUMNS = Set.of("updated_at");

    private Checksums() {
    }

    static ReadModelChecksum postgres(JdbcTemplate jdbc, String schema, List<String> tables) {
        List<ReadModelChecksum.Part> parts = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = jdbc.queryForList("""
                            SELECT column_name FROM information_schema.columns
                             WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""",
                    String.class, schema, table).stream().filter(c -> !WRITE_TIME_COLUMNS.contains(c)).toList();
            String row = columns.stream().map(c -> "t.\"" + c + "\"").collect(Collectors.joining(", "));
            ReadModelChecksum.Part part = jdbc.queryForObject("SELECT count(*), COALESCE(SUM(('x' || substr(md5(ROW("
                            + row + ")::text), 1, 15))::bit(60)::bigint), 0)::text FROM \"" + schema + "\".\""
                            + table + "\" t",
                    (rs, n) -> new ReadModelChecksum.Part(table, rs.getLong(1), rs.getString(2)));
            parts.add(part);
        }
        return ReadModelChecksum.of(parts);
    }

    /**
     * Every hash and sorted set under {@code keyPrefix}: its key without the prefix and its fields (or members
     * with their scores), sorted. SCAN may return a key twice; each counts once. {@code name} names the part (not
     * the prefix, which holds the generation).
     */
    static ReadModelChecksum redis(RedissonClient redis, String name, String keyPrefix) {
        long rows = 0;
        BigInteger sum = BigInteger.ZERO;
        Set<String> seen = new HashSet<>();
        Iterator<String> keys = redis.getKeys().getKeys(KeysScanOptions.defaults().pattern(keyPrefix + "*")
                .chunkSize(1000)).iterator();
        while (keys.hasNext()) {
            List<String> chunk = new ArrayList<>(500);
            while (keys.hasNext() && chunk.size() < 500) {
                String key = keys.next();
                if (seen.add(key)) {
                    chunk.add(key);
                }
            }
            RBatch types = redis.createBatch();
            List<RFuture<RType>> typeOf = new ArrayList<>(chunk.size());
            for (String key : chunk) {
                typeOf.add(types.getKeys().getTypeAsync(key));
            }
            types.execute();
            RBatch batch = redis.createBatch();
            List<CompletionStage<? extends Map<String, ?>>> reads = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                reads.add(read(batch, chunk.get(i), typeOf.get(i).toCompletableFuture().join()));
            }
            batch.execute();
            for (int i = 0; i < chunk.size(); i++) {
                StringBuilder text = new StringBuilder(chunk.get(i).substring(keyPrefix.length()));
                new TreeMap<String, Object>(reads.get(i).toCompletableFuture().join())
                        .forEach((field, value) -> text.append('|').append(field).append('=').append(value));
                sum = sum.add(BigInteger.valueOf(hash60(text.toString())));
                rows++;
            }
        }
        return ReadModelChecksum.of(List.of(new ReadModelChecksum.Part(name, rows, sum.toString())));
    }

    /** A hash's fields, or a sorted set's members with their scores (the Redis read models hold nothing else). */
    private static CompletionStage<? extends Map<String, ?>> read(RBatch batch, String key, RType type) {
        if (type == RType.ZSET) {
            return batch.<String>getScoredSortedSet(key, StringCodec.INSTANCE).entryRangeAsync(0, -1)
                    .thenApply(entries -> entries.stream().collect(Collectors.toMap(ScoredEntry::getValue,
                            entry -> BigDecimal.valueOf(entry.getScore()).toPlainString())));
        }
        if (type != RType.MAP) {
            throw new IllegalStateException(key + " is a " + type + ", not a hash or a sorted set");
        }
        return batch.<String, String>getMap(key, StringCodec.INSTANCE).readAllMapAsync();
    }

    private static long hash60(String text) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (md5[i] & 0xff);
            }
            return value >>> 4;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
