package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator endpoints rebuild read models and replay dead letters: only an admin's token opens them, checked
 * as the api and the query side check tokens, and refusals are problem+json like every other error.
 */
class OperatorEndpointsNeedAnAdminIT extends ProjectionsTestSupport {

    private static final String CALLS = """
            GET,  /admin/projections
            GET,  /admin/overview
            GET,  /admin/projections/catalog/checksum
            GET,  /admin/projections/catalog/positions
            GET,  /admin/projections/catalog/rebuild
            POST, /admin/projections/catalog/rebuild
            POST, /admin/projections/catalog/dead-letters/replay
            """;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = CALLS)
    void without_a_token_the_answer_is_401(String method, String path) throws Exception {
        assertProblem(call(method, path, null), 401, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = CALLS)
    void a_customers_or_an_analysts_token_is_403(String method, String path) throws Exception {
        assertProblem(call(method, path, tokenFor("c1", "customer")), 403, "FORBIDDEN");
        assertProblem(call(method, path, tokenFor("a1", "analyst")), 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            GET, /admin/projections
            GET, /admin/projections/not-a-projection/checksum
            """)
    void a_token_that_is_not_valid_is_401(String method, String path) throws Exception {
        String admin = tokenFor("boss", "admin");
        String forged = admin.substring(0, admin.lastIndexOf('.') + 1) + "c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";

        assertProblem(call(method, path, forged), 401, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            GET, /admin/projections,                    200
            GET, /admin/overview,                       200
            GET, /admin/projections/catalog/checksum,   200
            GET, /admin/projections/catalog/positions,  200
            GET, /admin/projections/nothing-like-it/checksum, 404
            """)
    void an_admins_token_opens_them(String method, String path, int status) throws Exception {
        assertThat(call(method, path, tokenFor("boss", "admin")).status()).isEqualTo(status);
    }

    @Test
    void the_overview_names_the_order_queue_and_every_projection_with_its_lag_and_dead_letters() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode overview = call("GET", "/admin/overview").body();
            assertThat(overview.at("/orderQueue/topic").asString()).isEqualTo(Topics.ORDER_REQUESTS);
            assertThat(overview.at("/orderQueue/consumerGroup").asString()).isEqualTo(Topics.ORDER_WORKERS_GROUP);
            assertThat(overview.at("/orderQueue/depth").asLong()).isZero();
            List<JsonNode> projections = new ArrayList<>();
            overview.get("projections").forEach(projections::add);
            assertThat(projections).extracting(projection -> projection.get("name").asString())
                    .contains("catalog", "orders", "sales", "product-cache");
            // by its own name: a projection's lastRebuild holds a "name" too
            JsonNode orders = projections.stream()
                    .filter(projection -> projection.get("name").asString().equals("orders")).findFirst().orElseThrow();
            assertThat(orders.get("store").asString()).isEqualTo("postgresql");
            assertThat(orders.has("lagEvents")).isTrue();
            assertThat(orders.get("deadLettersPending").isNumber()).isTrue();
        });
    }

    @Test
    void only_the_consoles_origin_may_call_them_from_a_browser() throws Exception {
        HttpResponse<String> console = preflight("/admin/overview", CONSOLE_ORIGIN);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).contains(CONSOLE_ORIGIN);

        HttpResponse<String> other = preflight("/admin/overview", "http://elsewhere.test");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }
}
