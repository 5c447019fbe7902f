package com.groupbuy.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The short code a customer shows at the counter to collect a paid order: four characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B), derived from the order id, so the api, the read models and the
 * customer's app all know it without storing it. It is not unique across all orders (23⁴ ≈ 280 000 codes): the
 * counter matches it together with the order in its queue, and handing an order over needs the right one.
 */
public final class PickupCode {

    private static final char[] ALPHABET = "ACDEFHJKMNPQRTUVWXY3479".toCharArray();
    private static final int LENGTH = 4;

    private PickupCode() {
    }

    public static String of(String orderId) {
        byte[] digest = sha256(orderId);
        long value = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[(int) (value % ALPHABET.length)];
            value /= ALPHABET.length;
        }
        return new String(code);
    }

    /** Whether {@code candidate} is the order's code, ignoring case and surrounding blanks. */
    public static boolean matches(String orderId, String candidate) {
        return candidate != null && of(orderId).equalsIgnoreCase(candidate.strip());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
