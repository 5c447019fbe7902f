package com.groupbuy.command.flashsale.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.groupbuy.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The problem documents of refused purchases: a crowd gets the same few refusals thousands of times a second, so each
 * is serialized once (by the api's JSON mapper, as every other problem document) and only the request's path, its
 * {@code instance}, is added per answer.
 */
final class RefusalDocuments {

    private final JsonMapper json;
    private final Cache<FlashSalePurchases.Refused, byte[]> serialized =
            Caffeine.newBuilder().maximumSize(256).build();

    RefusalDocuments(JsonMapper json) {
        this.json = json;
    }

    /** {@code path} is the request's, made only of characters JSON strings take as they are (the filter's pattern). */
    byte[] of(FlashSalePurchases.Refused refused, String path) {
        byte[] document = serialized.get(refused, this::serialize);
        byte[] instance = (",\"instance\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream answer = new ByteArrayOutputStream(document.length + instance.length);
        answer.write(document, 0, document.length - 1);
        answer.writeBytes(instance);
        return answer.toByteArray();
    }

    private byte[] serialize(FlashSalePurchases.Refused refused) {
        return json.writeValueAsBytes(Problems.of(refused.status(), refused.code(), refused.detail()));
    }
}
