package com.groupbuy.platform.apidocs;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.groupbuy.platform.apidocs.DocumentedCall.json;

/**
 * Writes the contract into the document springdoc derives from the controllers: each call's success status and
 * examples, and every problem+json answer it may give with its {@code code}s. The codes every call of a kind
 * answers are added here once: 401 to calls that need a token, 403 to calls that need a role, 400 and 413 to calls
 * with a body, 400 to calls with parameters, 500 and 503 to all.
 */
final class ContractDocument implements OpenApiCustomizer {

    static final String BEARER_JWT = "bearerJwt";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";

    /** When each code is answered, as docs/contract-notes.md says. */
    private static final Map<ErrorCode, String> WHEN = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorCode.VALIDATION_FAILED, "invalid fields or parameters (listed in errors[]); 422 when "
                    + "the values are inconsistent with each other or with what exists"),
            Map.entry(ErrorCode.MALFORMED_REQUEST, "the body is not JSON, or not of this call's shape"),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, "the body is over 64 KiB"),
            Map.entry(ErrorCode.UNAUTHORIZED, "no bearer token, or an invalid, expired or foreign one"),
            Map.entry(ErrorCode.FORBIDDEN, "the token lacks the role, or the resource is someone else's"),
            Map.entry(ErrorCode.NOT_FOUND, "nothing of this kind has that id"),
            Map.entry(ErrorCode.ALREADY_EXISTS, "a product with that SKU exists"),
            Map.entry(ErrorCode.ILLEGAL_STATE, "not in this state (or a repeat whose first request still runs)"),
            Map.entry(ErrorCode.INSUFFICIENT_STOCK, "the adjustment would go below what orders hold"),
            Map.entry(ErrorCode.SOLD_OUT, "nothing left (or the product is marked sold out for today)"),
            Map.entry(ErrorCode.DELISTED, "the product is off the menu"),
            Map.entry(ErrorCode.LIMIT_REACHED, "the per-customer limit is reached"),
            Map.entry(ErrorCode.NOT_STARTED, "its window has not opened yet"),
            Map.entry(ErrorCode.ENDED, "its window has closed"),
            Map.entry(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon does not apply to this order"),
            Map.entry(ErrorCode.PAYMENT_MISMATCH, "the amount is not the order's total"),
            Map.entry(ErrorCode.PICKUP_CODE_MISMATCH, "the pickup code shown is not the order's"),
            Map.entry(ErrorCode.GROUP_FULL, "the group has as many members as its size"),
            Map.entry(ErrorCode.GROUP_CLOSED, "the group completed, failed or is past its window"),
            Map.entry(ErrorCode.ALREADY_MEMBER, "the customer is in the group already"),
            Map.entry(ErrorCode.GROUP_FAILED, "the group failed (an order's reason)"),
            Map.entry(ErrorCode.RATE_LIMITED, "too many requests from this customer; see Retry-After"),
            Map.entry(ErrorCode.UNAVAILABLE, "a server this process needs is away; repeat with the same "
                    + "Idempotency-Key after Retry-After"),
            Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, "the Idempotency-Key was used with another request"),
            Map.entry(ErrorCode.OVERLOADED, "the order queue did not acknowledge in time; nothing was changed"),
            Map.entry(ErrorCode.INTERNAL_ERROR, "a fault on our side")));

    private final DocumentedCalls calls;

    ContractDocument(DocumentedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title(calls.title()).version("v1").description(calls.description() + "\n\nEvery call "
                + "needs `Authorization: Bearer <JWT>` with the role it names (but the local run's dev tokens); "
                + "every error is `application/problem+json` with a stable `code`, listed per call and status."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(BEARER_JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A JWT with sub (the user id), roles (customer, analyst, "
                                + "admin), iss, aud and exp; in the local run from POST /api/v1/dev/tokens"))
                .addSchemas(PROBLEM, problemSchema()));
        for (DocumentedCall call : calls.calls()) {
            PathItem path = api.getPaths() == null ? null : api.getPaths().get(call.path());
            Operation operation = path == null ? null
                    : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(call.method().toUpperCase()));
            if (operation != null) {
                describe(operation, call);
            }
        }
    }

    private static void describe(Operation operation, DocumentedCall call) {
        operation.summary(call.summary());
        if (!call.needsToken()) {
            operation.setSecurity(null);
        } else if (operation.getExtensions() != null && operation.getExtensions().get(RolesFromPreAuthorize.ROLES)
                instanceof List<?> roles) {
            operation.description("Needs the role " + roles.stream().map(Object::toString)
                    .collect(Collectors.joining(" or ")) + ".");
        } else {
            operation.description("Any valid token.");
        }
        if (call.requestExample() != null && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.example(call.requestExample()));
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(String.valueOf(call.status()), success(operation, call));
        problemsOf(operation, call).forEach((status, codes) ->
                responses.addApiResponse(String.valueOf(status), problem(status, codes)));
        operation.setResponses(responses);
    }

    /** The answer springdoc derived from the handler (its schema), under the documented status. */
    private static ApiResponse success(Operation operation, DocumentedCall call) {
        ApiResponse derived = operation.getResponses() == null ? null : operation.getResponses().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
        ApiResponse success = derived == null ? new ApiResponse() : derived;
        success.description(HttpStatus.valueOf(call.status()).getReasonPhrase());
        if (call.answerExample() != null && success.getContent() != null) {
            success.getContent().forEach((type, media) -> {
                if (type.contains("json")) {
                    media.example(call.answerExample());
                }
            });
        }
        if (success.getContent() != null && success.getContent().isEmpty()) {
            success.setContent(null);
        }
        return success;
    }

    static Map<Integer, Set<ErrorCode>> problemsOf(Operation operation, DocumentedCall call) {
        Map<Integer, Set<ErrorCode>> problems = new TreeMap<>();
        if (call.needsToken()) {
            add(problems, 401, ErrorCode.UNAUTHORIZED);
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(RolesFromPreAuthorize.ROLES)) {
            add(problems, 403, ErrorCode.FORBIDDEN);
        }
        if (operation.getRequestBody() != null) {
            add(problems, 400, ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST);
            add(problems, 413, ErrorCode.PAYLOAD_TOO_LARGE);
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(problems, 400, ErrorCode.VALIDATION_FAILED);
        }
        call.problems().forEach((status, codes) -> add(problems, status, codes.toArray(ErrorCode[]::new)));
        add(problems, 500, ErrorCode.INTERNAL_ERROR);
        add(problems, 503, ErrorCode.UNAVAILABLE);
        return problems;
    }

    private static void add(Map<Integer, Set<ErrorCode>> problems, int status, ErrorCode... codes) {
        problems.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(Arrays.asList(codes));
    }

    private static ApiResponse problem(int status, Set<ErrorCode> codes) {
        Schema<?> schema = new Schema<>()
                .addAllOfItem(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .addAllOfItem(new ObjectSchema().addProperty("code",
                        new StringSchema()._enum(codes.stream().map(Enum::name).toList())));
        MediaType media = new MediaType().schema(schema);
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            examples.put(code.name(), new Example().summary(WHEN.get(code)).value(json(
                    "type", Problems.typeOf(code).toString(), "title", code.name(), "status", status,
                    "detail", WHEN.get(code), "code", code.name())));
        }
        media.examples(examples);
        ApiResponse response = new ApiResponse()
                .description(codes.stream().map(code -> code.name() + ": " + WHEN.get(code))
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        if (status == 401) {
            response.addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()._default("Bearer")));
        }
        if (status == 429 || status == 503 || codes.contains(ErrorCode.ILLEGAL_STATE)) {
            response.addHeaderObject("Retry-After", new Header().description("seconds to wait before repeating")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** RFC 9457 with the stable code, and the invalid fields of a VALIDATION_FAILED. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("application/problem+json (RFC 9457) with a stable code")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://groupbuy.dev/problems/sold-out"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name)
                        .toList()))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("items[0].quantity"))
                        .addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status", "code"));
    }
}
