package com.groupbuy.platform.apidocs;

import com.groupbuy.contract.ErrorCode;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One call of the HTTP contract as its OpenAPI document describes it: the success status, the problem codes the
 * call itself may answer (the ones every call of its kind answers are added by {@link ContractDocument}) and
 * examples. A process lists its calls in one {@link DocumentedCalls} bean.
 */
public record DocumentedCall(String method, String path, int status, String summary,
                             Map<Integer, Set<ErrorCode>> problems, Object requestExample, Object answerExample,
                             boolean needsToken) {

    /** The prefix of every call of the contract. */
    public static final String V1 = "/api/v1";

    public DocumentedCall {
        problems = Collections.unmodifiableMap(new TreeMap<>(problems));
    }

    public static DocumentedCall post(String path, int status, String summary) {
        return new DocumentedCall("post", path, status, summary, Map.of(), null, null, true);
    }

    public static DocumentedCall get(String path, String summary) {
        return new DocumentedCall("get", path, 200, summary, Map.of(), null, null, true);
    }

    /** The call may also answer {@code status} with these codes. */
    public DocumentedCall refusing(int status, ErrorCode... codes) {
        Map<Integer, Set<ErrorCode>> more = new TreeMap<>(problems);
        more.computeIfAbsent(status, s -> new LinkedHashSet<>());
        Set<ErrorCode> merged = new LinkedHashSet<>(more.get(status));
        merged.addAll(Arrays.asList(codes));
        more.put(status, merged);
        return new DocumentedCall(method, path, this.status, summary, more, requestExample, answerExample,
                needsToken);
    }

    public DocumentedCall sending(Object example) {
        return new DocumentedCall(method, path, status, summary, problems, example, answerExample, needsToken);
    }

    public DocumentedCall answering(Object example) {
        return new DocumentedCall(method, path, status, summary, problems, requestExample, example, needsToken);
    }

    /** A call anyone may make without a bearer token. */
    public DocumentedCall withoutToken() {
        return new DocumentedCall(method, path, status, summary, problems, requestExample, answerExample, false);
    }

    /** A JSON object for an example, its members in the given order: {@code json("sku", "COLA-330", …)}. */
    public static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
