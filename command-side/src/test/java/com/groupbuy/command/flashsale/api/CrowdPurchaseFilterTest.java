package com.groupbuy.command.flashsale.api;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.security.BearerTokens;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrowdPurchaseFilterTest {

    private static final String PATH = "/api/v1/flash-sales/sale-1/orders";

    private final List<String> bought = new ArrayList<>();
    private final FlashSalePurchases purchases = new FlashSalePurchases(null, null, null, null, null, null) {
        @Override
        Outcome buy(String flashSaleId, String userId, int quantity, String idempotencyKey) {
            bought.add(flashSaleId + "/" + userId + "/" + quantity);
            return quantity == 1 ? new Accepted("order-1")
                    : new Refused(HttpStatus.CONFLICT, ErrorCode.LIMIT_REACHED, "the per-customer limit is reached", 0);
        }
    };
    private final CrowdPurchaseFilter filter = new CrowdPurchaseFilter(new BearerTokens(token -> switch (token) {
        case "customer-token" -> jwt("buyer-1", "customer");
        case "admin-token" -> jwt("admin-1", "admin");
        default -> throw new BadJwtException("not a token");
    }), purchases, JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build());

    @Test
    void a_customers_well_formed_purchase_is_answered_without_going_down_the_chain() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(purchase("customer-token", "{\"quantity\":1}"), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(bought).containsExactly("sale-1/buyer-1/1");
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEqualTo("{\"orderId\":\"order-1\"}");
    }

    @Test
    void a_body_spelled_another_way_is_read_by_the_json_parser() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(purchase("customer-token", "{ \"quantity\" : 1 }"), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(bought).containsExactly("sale-1/buyer-1/1");
        assertThat(response.getStatus()).isEqualTo(202);
    }

    @Test
    void a_refusal_is_a_problem_document_naming_the_request() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(purchase("customer-token", "{\"quantity\":2}"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        var problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("LIMIT_REACHED");
        assertThat(problem.path("instance").asString()).isEqualTo(PATH);
        assertThat(problem.path("type").asString()).isEqualTo("https://groupbuy.dev/problems/limit-reached");
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("detail").asString()).isEqualTo("the per-customer limit is reached");
    }

    @Test
    void a_purchase_without_a_valid_customers_token_goes_on_to_the_security_chain() throws Exception {
        for (String token : new String[] {null, "forged", "admin-token"}) {
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(purchase(token, "{\"quantity\":1}"), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as("token " + token).isNotNull();
        }
        assertThat(bought).isEmpty();
    }

    @Test
    void a_body_the_controller_should_refuse_goes_on_and_can_be_read_again() throws Exception {
        for (String body : new String[] {"{\"quantity\":0}", "{\"quantity\":100}", "{\"quantity\":", "{}"}) {
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(purchase("customer-token", body), new MockHttpServletResponse(), chain);

            ServletRequest passedOn = chain.getRequest();
            assertThat(passedOn).as(body).isNotNull();
            assertThat(new String(passedOn.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        }
        assertThat(bought).isEmpty();
    }

    @Test
    void a_purchase_with_an_idempotency_key_or_an_origin_or_to_another_path_goes_on_unread() throws Exception {
        MockHttpServletRequest withKey = purchase("customer-token", "{\"quantity\":1}");
        withKey.addHeader("Idempotency-Key", "k-1");
        MockHttpServletRequest elsewhere = purchase("customer-token", "{\"quantity\":1}");
        elsewhere.setRequestURI("/api/v1/flash-sales/sale-1/end");
        MockHttpServletRequest fromABrowser = purchase("customer-token", "{\"quantity\":1}");
        fromABrowser.addHeader("Origin", "https://shop.example");

        for (MockHttpServletRequest request : List.of(withKey, elsewhere, fromABrowser)) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
        assertThat(bought).isEmpty();
    }

    private static MockHttpServletRequest purchase(String token, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static Jwt jwt(String subject, String role) {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject(subject).claim("roles", List.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
