package com.groupbuy.command.infrastructure.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of something a POST creates. With an {@code Idempotency-Key} it follows from (kind, caller, key), so a
 * repeat after a crash names the same order, sale, deal, group, campaign or coupon again and the aggregate creates
 * it only once; without one it is random.
 */
public final class IdempotentIds {

    private IdempotentIds() {
    }

    public static String idFor(String kind, String userId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((kind + ":" + userId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
