package com.groupbuy.command.infrastructure.web;

import com.groupbuy.command.HttpApi;
import com.groupbuy.command.HttpApi.Answer;
import com.groupbuy.command.RealServers;
import com.groupbuy.platform.apidocs.OpenApiDescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api's OpenAPI document against the contract and against the api itself: every call of SPEC.md's command API
 * is in it with the role SPEC.md names, every handler the api serves is in it and nothing else, and every answer
 * the api gives to a tour of all its calls (successes and refusals) is one the document names, problem code
 * included. The document is written to {@code target/openapi/api.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"api", "local"})
class ApiDescriptionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_api_description_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private HttpApi api;
    private OpenApiDescription description;

    @BeforeEach
    void fetchTheDescription() throws Exception {
        api = new HttpApi(port);
        description = OpenApiDescription.fetch(port, "api");
    }

    @Test
    void every_call_of_the_contract_is_described_with_the_role_it_names() throws Exception {
        description.assertDescribesTheContract("Command API",
                who -> List.of(who.equals("owner") ? "customer" : who));
    }

    @Test
    void every_call_the_api_serves_is_described_and_nothing_else() {
        assertThat(description.operations().keySet())
                .containsExactlyInAnyOrderElementsOf(OpenApiDescription.served(handlers));
    }

    @Test
    void every_answer_of_the_api_is_one_the_description_names() throws Exception {
        String admin = api.token("doc-admin", "admin");
        String customer = api.token("doc-u1", "customer");
        String other = api.token("doc-u2", "customer");
        String sku = "DOC-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        String product = """
                {"sku":"%s","name":"Documented cola","category":"soda","priceCents":250,"initialStock":100}"""
                .formatted(sku);
        assertThat(post("/api/v1/products", admin, product).status()).isEqualTo(201);
        post("/api/v1/products", admin, product);
        post("/api/v1/products", customer, product);
        post("/api/v1/products", null, product);
        post("/api/v1/products", admin, "{not json");
        post("/api/v1/products", admin, "{\"sku\":\"\",\"priceCents\":450.9}");
        assertThat(post("/api/v1/products/" + sku + "/stock", admin, "{\"delta\":5}").status()).isEqualTo(202);
        post("/api/v1/products/" + sku + "/stock", admin, "{\"delta\":-1000}");
        post("/api/v1/products/NO-SUCH-SKU/stock", admin, "{\"delta\":5}");
        String staff = api.token("doc-barista", "staff");
        assertThat(post("/api/v1/products/" + sku + "/price", admin, "{\"priceCents\":260}").status()).isEqualTo(200);
        post("/api/v1/products/" + sku + "/price", admin, "{\"priceCents\":0}");
        post("/api/v1/products/NO-SUCH-SKU/price", admin, "{\"priceCents\":260}");
        assertThat(post("/api/v1/products/" + sku + "/name", admin, "{\"name\":\"Documented cola, chilled\"}")
                .status()).isEqualTo(200);
        post("/api/v1/products/" + sku + "/name", admin, "{\"name\":\" \"}");
        post("/api/v1/products/NO-SUCH-SKU/name", admin, "{\"name\":\"Nothing\"}");
        assertThat(post("/api/v1/products/" + sku + "/category", admin, "{\"category\":\"soft-drinks\"}")
                .status()).isEqualTo(200);
        post("/api/v1/products/" + sku + "/category", customer, "{\"category\":\"soft-drinks\"}");
        post("/api/v1/products/NO-SUCH-SKU/category", admin, "{\"category\":\"soft-drinks\"}");
        assertThat(post("/api/v1/products/" + sku + "/sold-out", staff, "").status()).isEqualTo(200);
        post("/api/v1/products/NO-SUCH-SKU/sold-out", staff, "");
        assertThat(post("/api/v1/products/" + sku + "/back-on-sale", staff, "").status()).isEqualTo(200);
        post("/api/v1/products/NO-SUCH-SKU/back-on-sale", admin, "");
        post("/api/v1/products/" + sku + "/delist", staff, "");
        assertThat(post("/api/v1/products/" + sku + "/delist", admin, "").status()).isEqualTo(200);
        post("/api/v1/products/" + sku + "/sold-out", admin, "");
        post("/api/v1/products/NO-SUCH-SKU/delist", admin, "");
        assertThat(post("/api/v1/products/" + sku + "/relist", admin, "").status()).isEqualTo(200);
        post("/api/v1/products/NO-SUCH-SKU/relist", admin, "");
        String topping = sku + "-PEARLS";
        assertThat(post("/api/v1/products", admin, product.replace(sku, topping)).status()).isEqualTo(201);
        String options = """
                {"optionGroups":[{"code":"size","name":"Size","minChoices":1,"maxChoices":1,"options":[
                  {"code":"m","name":"Medium","priceDeltaCents":0},{"code":"l","name":"Large","priceDeltaCents":60}]},
                 {"code":"toppings","name":"Toppings","minChoices":0,"maxChoices":1,"options":[
                  {"code":"pearls","name":"Pearls","priceDeltaCents":50,"stockSku":"%s"}]}]}""".formatted(topping);
        assertThat(post("/api/v1/products/" + sku + "/options", admin, options).status()).isEqualTo(200);
        post("/api/v1/products/" + sku + "/options", admin, options.replace("\"minChoices\":0,\"maxChoices\":1", "\"minChoices\":0,\"maxChoices\":5"));
        post("/api/v1/products/" + sku + "/options", admin, options.replace(topping, "NO-SUCH-SKU"));
        post("/api/v1/products/" + sku + "/options", admin, "{\"optionGroups\":[{\"code\":\"Size!\"}]}");
        post("/api/v1/products/NO-SUCH-SKU/options", admin, "{\"optionGroups\":[]}");

        String campaign = post("/api/v1/coupon-campaigns", admin, """
                {"type":"AMOUNT_OFF","amountOffCents":50,"totalQuantity":10,"perUserLimit":1,
                 "validFrom":"%s","validUntil":"%s"}""".formatted(now.minusSeconds(60), now.plusSeconds(3600)))
                .field("campaignId");
        assertThat(post("/api/v1/coupon-campaigns/" + campaign + "/claims", customer, "").status()).isEqualTo(201);
        post("/api/v1/coupon-campaigns/" + campaign + "/claims", customer, "");
        post("/api/v1/coupon-campaigns/no-such-campaign/claims", customer, "");
        assertThat(post("/api/v1/coupon-campaigns/" + campaign + "/stop", admin, "").status()).isEqualTo(200);
        post("/api/v1/coupon-campaigns/no-such-campaign/stop", admin, "");

        String order = "{\"items\":[{\"sku\":\"%s\",\"quantity\":1}]}".formatted(sku);
        assertThat(api.post("/api/v1/orders", customer, order, "doc-key").status()).isEqualTo(202);
        Answer reused = api.post("/api/v1/orders", customer, order.replace("1}", "2}"), "doc-key");
        description.assertDescribes("POST", "/api/v1/orders", reused.status(), reused.body());
        post("/api/v1/orders", customer, "{\"items\":[]}");
        assertThat(post("/api/v1/orders", customer, """
                {"items":[{"sku":"%s","quantity":1,"options":{"size":["l"],"toppings":["pearls"]}}]}"""
                .formatted(sku)).status()).isEqualTo(202);
        post("/api/v1/orders", customer, """
                {"items":[{"sku":"%s","quantity":1,"options":{"size":["xl"]}}]}""".formatted(sku));
        post("/api/v1/orders", customer, """
                {"items":[{"sku":"NO-SUCH-SKU","quantity":1,"options":{"size":["l"]}}]}""");
        post("/api/v1/orders/no-such-order/payment", customer, "{\"amountCents\":250,\"paymentRef\":\"p1\"}");
        post("/api/v1/orders/no-such-order/cancellation", customer, "");
        post("/api/v1/orders/no-such-order/preparation", staff, "");
        post("/api/v1/orders/no-such-order/preparation", customer, "");
        post("/api/v1/orders/no-such-order/ready", staff, "");
        post("/api/v1/orders/no-such-order/handover", staff, "{\"pickupCode\":\"K7QX\"}");
        post("/api/v1/orders/no-such-order/handover", staff, "{}");
        post("/api/v1/orders/no-such-order/refund", admin, "{\"reason\":\"spilt\"}");
        post("/api/v1/orders/no-such-order/refund", admin, "{\"reason\":\"spilt\",\"amountCents\":0}");
        post("/api/v1/orders/no-such-order/refund", staff, "{\"reason\":\"spilt\"}");

        String sale = post("/api/v1/flash-sales", admin, """
                {"sku":"%s","priceCents":99,"quantity":3,"perUserLimit":1,"startsAt":"%s","endsAt":"%s"}"""
                .formatted(sku, now.minusSeconds(1), now.plusSeconds(600))).field("flashSaleId");
        assertThat(post("/api/v1/flash-sales/" + sale + "/orders", customer, "{\"quantity\":1}").status())
                .isEqualTo(202);
        post("/api/v1/flash-sales/" + sale + "/orders", customer, "{\"quantity\":1}");
        post("/api/v1/flash-sales/no-such-sale/orders", customer, "{\"quantity\":1}");
        assertThat(post("/api/v1/flash-sales/" + sale + "/reconciliation", admin, "").status()).isEqualTo(200);
        assertThat(post("/api/v1/flash-sales/" + sale + "/end", admin, "").status()).isEqualTo(200);
        post("/api/v1/flash-sales/" + sale + "/orders", other, "{\"quantity\":1}");
        post("/api/v1/flash-sales/no-such-sale/end", admin, "");
        String nextWeekDay = now.atZone(ZoneOffset.UTC).getDayOfWeek().plus(3).toString();
        String happyHours = """
                "happyHours":{"days":["%s"],"from":"10:00","to":"12:00","timeZone":"UTC"}""".formatted(nextWeekDay);
        String closedNow = post("/api/v1/flash-sales", admin, """
                {"sku":"%s","priceCents":99,"quantity":1,"perUserLimit":1,"startsAt":"%s","endsAt":"%s",%s}"""
                .formatted(sku, now.minusSeconds(1), now.plusSeconds(600), happyHours)).field("flashSaleId");
        assertThat(post("/api/v1/flash-sales/" + closedNow + "/orders", other, "{\"quantity\":1}").code())
                .isEqualTo("NOT_STARTED");
        assertThat(post("/api/v1/flash-sales", admin, """
                {"sku":"%s","priceCents":99,"quantity":1,"perUserLimit":1,"startsAt":"%s","endsAt":"%s",%s}"""
                .formatted(sku, now, now.plus(Duration.ofDays(367)), happyHours)).status()).isEqualTo(400);

        String deal = post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":200,"groupSize":2,"windowSeconds":600,"startsAt":"%s","endsAt":"%s"}"""
                .formatted(sku, now.minusSeconds(1), now.plusSeconds(3600))).field("groupBuyId");
        post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":900,"groupSize":2,"windowSeconds":600,"startsAt":"%s","endsAt":"%s"}"""
                .formatted(sku, now.minusSeconds(1), now.plusSeconds(3600)));
        String group = post("/api/v1/group-buys/" + deal + "/groups", customer, "").field("groupId");
        post("/api/v1/group-buys/" + deal + "/groups/" + group + "/members", customer, "");
        assertThat(post("/api/v1/group-buys/" + deal + "/groups/" + group + "/members", other, "").status())
                .isEqualTo(202);
        post("/api/v1/group-buys/no-such-deal/groups", customer, "");
        post("/api/v1/group-buys/" + deal + "/groups", other, "{\"options\":{\"size\":[\"l\"]}}");
        post("/api/v1/group-buys/" + deal + "/groups/" + group + "/members", other,
                "{\"options\":{\"size\":[\"l\"]}}");
        post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":200,"groupSize":2,"windowSeconds":600,"startsAt":"%s","endsAt":"%s",
                 "allowedOptions":["no-such-group"]}"""
                .formatted(sku, now.minusSeconds(1), now.plusSeconds(3600)));
        assertThat(post("/api/v1/group-buys/" + deal + "/pause", admin, "").status()).isEqualTo(200);
        post("/api/v1/group-buys/" + deal + "/groups", other, "");
        post("/api/v1/group-buys/" + deal + "/groups/" + group + "/members", customer, "");
        assertThat(post("/api/v1/group-buys/" + deal + "/resume", admin, "").status()).isEqualTo(200);
        assertThat(post("/api/v1/group-buys/" + deal + "/cancel", admin, "").status()).isEqualTo(200);
        post("/api/v1/group-buys/" + deal + "/pause", admin, "");
        post("/api/v1/group-buys/" + deal + "/resume", admin, "");
        post("/api/v1/group-buys/no-such-deal/pause", admin, "");
        post("/api/v1/group-buys/no-such-deal/resume", admin, "");
        post("/api/v1/group-buys/no-such-deal/cancel", admin, "");

        assertThat(post("/api/v1/dev/tokens", null, "{\"userId\":\"doc-u3\",\"roles\":[\"customer\"]}").status())
                .isEqualTo(200);
        assertThat(description.unchecked()).as("calls no answer of this tour reached").isEmpty();
    }

    /** A POST whose answer must be one the description names for its call. */
    private Answer post(String path, String token, String body) throws Exception {
        Answer answer = api.post(path, token, body);
        description.assertDescribes("POST", path, answer.status(), answer.body());
        return answer;
    }
}
