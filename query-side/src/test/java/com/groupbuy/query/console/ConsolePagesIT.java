package com.groupbuy.query.console;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pages and Chart.js open without a token, and opening them opens nothing else: the data behind them
 * still needs a token with the right role.
 */
class ConsolePagesIT extends QuerySideTestSupport {

    @Test
    void the_console_and_its_chart_library_are_served_without_a_token() throws Exception {
        HttpResponse<String> page = getRaw("/console/", null, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>groupbuy console</title>")
                .contains("/webjars/chartjs/dist/chart.umd.js");

        HttpResponse<String> chartJs = getRaw("/webjars/chartjs/dist/chart.umd.js", null, "*/*");
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart.js v4");

        assertThat(getRaw("/console/console.js", null, "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void the_settings_say_where_the_operator_endpoints_are_and_that_dev_tokens_exist_here() throws Exception {
        Answer settings = get("/console/settings.json", null);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().get("devTokens").asBoolean()).isTrue();
        assertThat(settings.body().get("operatorUrl").isNull()).isTrue();
        assertThat(settings.body().get("signIn").isEmpty()).as("identity providers to sign in with").isTrue();
    }

    /** Without a client registration the console's sign-in paths do not exist, and nothing makes a session. */
    @Test
    void without_an_identity_provider_there_is_no_sign_in_and_no_session() throws Exception {
        for (String path : List.of("/console/token", "/console/oauth2/authorization/groupbuy",
                "/console/login/oauth2/code/groupbuy?code=c&state=s")) {
            HttpResponse<String> answer = getRaw(path, null, "text/html");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        HttpResponse<String> sales = getRaw("/api/v1/analytics/sales?from=2026-01-01&to=2026-01-02",
                token("a1", "analyst"), null);
        assertThat(sales.statusCode()).isEqualTo(200);
        assertThat(sales.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void the_data_behind_the_console_still_needs_a_token_with_the_role() throws Exception {
        assertProblem(get("/api/v1/analytics/sales?from=2026-01-01&to=2026-01-02", null), 401, "UNAUTHORIZED");
        assertProblem(get("/api/v1/analytics/sales?from=2026-01-01&to=2026-01-02", token("c1", "customer")), 403,
                "FORBIDDEN");
        assertProblem(get("/api/v1/counter/queue", token("a1", "analyst")), 403, "FORBIDDEN");
    }
}
