package com.groupbuy.query.freshness;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Documents the {@code X-Read-Model-*} headers on the success answer of every {@link ReadModel} handler. */
final class ReadModelHeadersDocumented implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ReadModel readModel = FreshnessHeaders.readModelOf(handler);
        if (readModel == null || operation.getResponses() == null) {
            return operation;
        }
        String projections = String.join(", ", readModel.value());
        for (ApiResponse answer : operation.getResponses().values()) {
            answer.addHeaderObject(ReadModelHeaders.POSITION, new Header().schema(new StringSchema())
                    .description("event records each projection behind the answer had consumed (" + projections
                            + "); the answer reflects at least those")
                    .example(readModel.value()[0] + "=1234"));
            answer.addHeaderObject(ReadModelHeaders.EVENT_TIME, new Header().schema(new StringSchema()
                            .format("date-time"))
                    .description("when the newest event those projections applied happened"));
            answer.addHeaderObject(ReadModelHeaders.AGE, new Header().schema(new IntegerSchema())
                    .description("seconds from that event to now"));
        }
        return operation;
    }
}
