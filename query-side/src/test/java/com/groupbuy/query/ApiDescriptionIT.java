package com.groupbuy.query;

import com.groupbuy.platform.apidocs.OpenApiDescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's OpenAPI document against the contract and against the process itself: every call of SPEC.md's
 * query API is in it with the role SPEC.md names, every handler served is in it and nothing else, and every answer
 * to a tour of all its calls is one the document names, problem code included. The document is written to
 * {@code target/openapi/query-side.json}.
 */
class ApiDescriptionIT extends QuerySideTestSupport {

    /** SPEC.md's "who" column for calls any valid token may make. */
    private static final Set<String> ANY_TOKEN = Set.of("anyone with a token", "any", "owner, analyst");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private OpenApiDescription description;

    @BeforeEach
    void fetchTheDescription() throws Exception {
        description = OpenApiDescription.fetch(port, "query-side");
    }

    @Test
    void every_call_of_the_contract_is_described_with_the_role_it_names() throws Exception {
        description.assertDescribesTheContract("Query API",
                who -> ANY_TOKEN.contains(who) ? List.of() : List.of(who));
    }

    @Test
    void every_call_the_query_side_serves_is_described_and_nothing_else() {
        assertThat(description.operations().keySet())
                .containsExactlyInAnyOrderElementsOf(OpenApiDescription.served(handlers));
    }

    @Test
    void every_answer_of_the_query_side_is_one_the_description_names() throws Exception {
        String customer = token(unique("doc-u"), "customer");
        String analyst = token(unique("doc-analyst"), "analyst");
        String day = "from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&bucket=hour";

        assertThat(check("/api/v1/products", customer).status()).isEqualTo(200);
        check("/api/v1/products", null);
        check("/api/v1/products?size=1000", customer);
        check("/api/v1/products/NO-SUCH-SKU", customer);
        check("/api/v1/flash-sales/no-such-sale", customer);
        assertThat(check("/api/v1/flash-sales", customer).status()).isEqualTo(200);
        check("/api/v1/flash-sales?limit=0", customer);
        assertThat(check("/api/v1/group-buys", customer).status()).isEqualTo(200);
        assertThat(check("/api/v1/coupon-campaigns", customer).status()).isEqualTo(200);
        check("/api/v1/coupon-campaigns?limit=0", customer);
        check("/api/v1/group-buys?limit=500", customer);
        assertThat(check("/api/v1/group-buys/no-such-deal/groups", customer).status()).isEqualTo(200);
        check("/api/v1/group-buys/no-such-deal/groups?status=BOGUS", customer);
        check("/api/v1/orders/no-such-order", customer);
        assertThat(check("/api/v1/me/orders", customer).status()).isEqualTo(200);
        check("/api/v1/me/orders", analyst);
        assertThat(check("/api/v1/me/coupons?status=AVAILABLE", customer).status()).isEqualTo(200);
        assertThat(check("/api/v1/counter/queue", token(unique("doc-barista"), "staff")).status()).isEqualTo(200);
        check("/api/v1/counter/queue", customer);
        check("/api/v1/counter/queue?size=0", analyst);
        assertThat(check("/api/v1/analytics/sales?" + day, analyst).status()).isEqualTo(200);
        check("/api/v1/analytics/sales?" + day.replace("hour", "minute"), analyst);
        check("/api/v1/analytics/sales?" + day, customer);
        String week = "from=2026-12-01&to=2026-12-08";
        assertThat(check("/api/v1/analytics/reports/sales-by-category?" + week, analyst).status()).isEqualTo(200);
        check("/api/v1/analytics/reports/sales-by-category?from=2026-12-08&to=2026-12-01", analyst);
        check("/api/v1/analytics/reports/no-such-report?" + week, analyst);
        check("/api/v1/analytics/reports/customers?" + week, customer);
        check("/api/v1/analytics/coupon-campaigns/no-such-campaign", analyst);
        check("/api/v1/analytics/flash-sales/no-such-sale", analyst);
        check("/api/v1/analytics/group-buys/no-such-deal", analyst);

        HttpResponse<String> csv = getRaw("/api/v1/analytics/sales?" + day, analyst, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(description.document().at("/paths/~1api~1v1~1analytics~1sales/get/responses/200/content")
                .has("text/csv")).as("the CSV answer is described").isTrue();
        assertThat(description.unchecked()).as("calls no answer of this tour reached")
                .containsExactly("POST /api/v1/dev/tokens");
    }

    private Answer check(String path, String token) throws Exception {
        Answer answer = get(path, token);
        description.assertDescribes("GET", path, answer.status(), answer.body());
        return answer;
    }
}
