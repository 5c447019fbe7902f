package com.groupbuy.projections.maintenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of a read model's content, independent of row order and of when rows were written: per table
 * (or Redis key space) the row count and the sum of a 60-bit hash of every row; {@code checksum} hashes those.
 * Two read models with equal checksums hold the same rows.
 */
public record ReadModelChecksum(String checksum, long rows, List<Part> parts) {

    public record Part(String name, long rows, String hashSum) {
    }

    static ReadModelChecksum of(List<Part> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Part part : parts) {
                digest.update((part.name() + ':' + part.rows() + ':' + part.hashSum() + ';')
                        .getBytes(StandardCharsets.UTF_8));
            }
            String checksum = HexFormat.of().formatHex(digest.digest()).substring(0, 32);
            return new ReadModelChecksum(checksum, parts.stream().mapToLong(Part::rows).sum(), parts);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
