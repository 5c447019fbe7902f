package com.groupbuy.platform.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

final class HmacKeys {

    private static final int MIN_BYTES = 32;

    private HmacKeys() {
    }

    static SecretKey of(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("groupbuy.security.jwt.secret needs at least " + MIN_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
