package com.groupbuy.platform.apidocs;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process's OpenAPI document as a client developer gets it ({@code GET /v3/api-docs} without a token), written
 * to {@code target/openapi/}, and the checks its tests make with it: that an answer the process gave is one the
 * document names for that call (status, and for a problem its {@code code}), and which calls no answer checked yet.
 */
public final class OpenApiDescription {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * SPEC.md as the project pins it in {@code docs/contract/} (a copy of the contract, so that the build needs
     * nothing outside the checkout); {@code -Dgroupbuy.contract=<path>} checks against another copy.
     */
    private static final Path CONTRACT = Path.of(System.getProperty("groupbuy.contract",
            "../docs/contract/SPEC.md"));
    private static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`?]*)[^`]*`");

    private final JsonNode document;
    private final Set<String> checked = new TreeSet<>();

    private OpenApiDescription(JsonNode document) {
        this.document = document;
    }

    /** A call as a method and a path template with its parameters unnamed: {@code POST /api/v1/orders/{}/payment}. */
    public record Call(String method, String path) {

        static Call of(String method, String path) {
            return new Call(method.toUpperCase(), path.replaceAll("\\{[^}]*}", "{}"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The calls a process serves under {@code /api/}, as its handler mapping routes them. */
    public static Set<Call> served(RequestMappingHandlerMapping handlers) {
        Set<Call> served = new TreeSet<>(Comparator.comparing(Call::toString));
        handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> mapping.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(Call.of(method.name(), path)))));
        assertThat(served).as("calls served under /api/").isNotEmpty();
        return served;
    }

    /** Fetches the document without a token and writes it to {@code target/openapi/<name>.json}. */
    public static OpenApiDescription fetch(int port, String name) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET /v3/api-docs without a token").isEqualTo(200);
        JsonNode document = JSON.readTree(answer.body());
        Path file = Path.of("target", "openapi", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        return new OpenApiDescription(document);
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation of the document, by call. */
    public Map<Call, JsonNode> operations() {
        Map<Call, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.put(Call.of(operation.getKey(), path.getKey()), operation.getValue())));
        return operations;
    }

    /** The roles the document says a call needs ({@code x-roles}; none: any valid token or none at all). */
    public List<String> roles(Call call) {
        List<String> roles = new ArrayList<>();
        operations().get(call).path("x-roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    /**
     * Fails unless the document names {@code status} for the call that {@code path} (a concrete path) reaches with
     * {@code method} and, when the answer is a problem, its code among that status's codes.
     */
    public void assertDescribes(String method, String path, int status, JsonNode body) {
        Call call = callReaching(method, path);
        JsonNode responses = operations().get(call).get("responses");
        assertThat(responses.has(String.valueOf(status)))
                .as("%s answered %s %s; the document names only %s", call, status, body, names(responses))
                .isTrue();
        if (status >= 400) {
            List<String> codes = new ArrayList<>();
            responses.get(String.valueOf(status))
                    .at("/content/application~1problem+json/schema/allOf/1/properties/code/enum")
                    .forEach(code -> codes.add(code.asString()));
            assertThat(codes).as("problem codes %s names for %s %s", call, status, body)
                    .contains(body.path("code").asString());
        }
        checked.add(call.toString());
    }

    /** The calls of the document no checked answer reached. */
    public Set<String> unchecked() {
        Set<String> unchecked = new TreeSet<>();
        operations().keySet().forEach(call -> unchecked.add(call.toString()));
        unchecked.removeAll(checked);
        return unchecked;
    }

    private Call callReaching(String method, String path) {
        String bare = path.replaceFirst("\\?.*", "");
        return operations().keySet().stream()
                .filter(call -> call.method().equalsIgnoreCase(method))
                .filter(call -> bare.matches(call.path().replace("{}", "[^/]+")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " reaches no call of the document"));
    }

    private static List<String> names(JsonNode responses) {
        List<String> names = new ArrayList<>();
        responses.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    /**
     * Fails unless every call of SPEC.md's table under {@code heading} is in the document, needing the roles that
     * {@code rolesOf} reads from its "who" column.
     */
    public void assertDescribesTheContract(String heading, Function<String, List<String>> rolesOf)
            throws Exception {
        Map<Call, String> contract = contractCalls(CONTRACT, heading, DocumentedCall.V1);

        assertThat(operations().keySet()).containsAll(contract.keySet());
        contract.forEach((call, who) -> assertThat(roles(call)).as("roles of %s (SPEC.md: %s)", call, who)
                .isEqualTo(rolesOf.apply(who)));
    }

    /**
     * The calls of a section of SPEC.md (the table under {@code heading}) with the role in its "who" column,
     * prefixed like the processes' paths: {@code | `POST /orders` | customer | …} under "Command API".
     */
    static Map<Call, String> contractCalls(Path spec, String heading, String prefix) throws Exception {
        assertThat(Files.isRegularFile(spec)).as("the contract at %s", spec.toAbsolutePath()).isTrue();
        Map<Call, String> calls = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(spec)) {
            if (line.startsWith("## ")) {
                inSection = line.contains(heading);
            } else if (inSection && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                Matcher found = CALL.matcher(cells[1]);
                while (found.find()) {
                    calls.put(Call.of(found.group(1), prefix + found.group(2).strip()), cells[2].strip());
                }
            }
        }
        assertThat(calls).as("calls of the section %s of %s", heading, spec).isNotEmpty();
        return calls;
    }
}
