package com.groupbuy.command.flashsale.api;

/** A purchase's body spelled exactly {@code {"quantity":N}}, N of one or two digits, as JSON libraries write it. */
final class CanonicalBody {

    private static final byte[] PREFIX = "{\"quantity\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CanonicalBody() {
    }

    /** The quantity, or null when the body is spelled any other way (then a JSON parser reads it). */
    static Integer quantityOf(byte[] body) {
        int digits = body.length - PREFIX.length - 1;
        if (digits < 1 || digits > 2 || body[body.length - 1] != '}') {
            return null;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (body[i] != PREFIX[i]) {
                return null;
            }
        }
        int quantity = 0;
        for (int i = PREFIX.length; i < PREFIX.length + digits; i++) {
            if (body[i] < '0' || body[i] > '9') {
                return null;
            }
            quantity = quantity * 10 + (body[i] - '0');
        }
        return quantity;
    }
}
