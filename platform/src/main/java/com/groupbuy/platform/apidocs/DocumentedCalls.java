package com.groupbuy.platform.apidocs;

import java.util.List;

/** The calls a process serves, with the title and description of its OpenAPI document. */
public record DocumentedCalls(String title, String description, List<DocumentedCall> calls) {

    public DocumentedCalls {
        calls = List.copyOf(calls);
    }
}
