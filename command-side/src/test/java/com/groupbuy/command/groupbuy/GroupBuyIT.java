package com.groupbuy.command.groupbuy;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.command.HttpApi;
import com.groupbuy.command.HttpApi.Answer;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.command.product.model.SetOptions;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.OptionGroup.Option;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group buys over real HTTP, with the orders through the real order queue and the groups' windows as durable
 * deadlines in the real PostgreSQL: a group completes when its size have paid, and fails when its window closes
 * first, refunding those who paid and cancelling the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groupbuy.orders.payment-window=60s", "groupbuy.deadlines.poll-interval=500ms"})
@ActiveProfiles({"api", "worker", "local"})
class GroupBuyIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_group_buy_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    private HttpApi api;
    private StoredEvents events;
    private String admin;

    @BeforeEach
    void signIn() throws Exception {
        api = new HttpApi(port);
        events = new StoredEvents(eventStore);
        admin = api.token("group-admin", "admin");
    }

    @Test
    void a_group_of_three_completes_when_all_three_have_paid_and_takes_nobody_else() throws Exception {
        String sku = product(10);
        String deal = deal(sku, 3, 120);
        Answer opened = open(deal, "gc-u1");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(202);
        String group = opened.field("groupId");
        String second = join(deal, group, "gc-u2").field("orderId");
        String third = join(deal, group, "gc-u3").field("orderId");

        assertThat(join(deal, group, "gc-u2").code()).isEqualTo("ALREADY_MEMBER");
        assertThat(join(deal, group, "gc-u4").code()).isEqualTo("GROUP_FULL");

        List<String> orders = List.of(opened.field("orderId"), second, third);
        List<String> users = List.of("gc-u1", "gc-u2", "gc-u3");
        for (int i = 0; i < orders.size(); i++) {
            events.awaitFirst(orders.get(i), OrderConfirmed.class);
            assertThat(pay(orders.get(i), users.get(i), 300).status()).isEqualTo(202);
        }

        GroupCompleted completed = events.awaitFirst(group, GroupCompleted.class);
        assertThat(completed.orderIds()).containsExactlyInAnyOrderElementsOf(orders);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(events.payloadsOf(sku).stream().filter(StockCommitted.class::isInstance)).hasSize(3));
        assertThat(join(deal, group, "gc-u5").code()).isEqualTo("GROUP_CLOSED");
    }

    @Test
    void a_group_short_of_members_fails_when_its_window_closes_refunding_who_paid() throws Exception {
        String sku = product(10);
        String deal = deal(sku, 3, 4);
        Answer opened = open(deal, "gf-u1");
        String group = opened.field("groupId");
        String paidOrder = opened.field("orderId");
        String unpaidOrder = join(deal, group, "gf-u2").field("orderId");
        events.awaitFirst(paidOrder, OrderConfirmed.class);
        events.awaitFirst(unpaidOrder, OrderConfirmed.class);
        assertThat(pay(paidOrder, "gf-u1", 300).status()).isEqualTo(202);

        GroupFailed failed = events.awaitFirst(group, GroupFailed.class);

        assertThat(failed.paidOrderIds()).containsExactly(paidOrder);
        assertThat(failed.unpaidOrderIds()).containsExactly(unpaidOrder);
        assertThat(events.awaitFirst(paidOrder, OrderRefunded.class).reason()).isEqualTo("GROUP_FAILED");
        events.awaitFirst(unpaidOrder, OrderCancelled.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Object> stock = events.payloadsOf(sku);
            assertThat(stock).anySatisfy(e -> assertThat(e).isInstanceOf(StockReturned.class));
            assertThat(stock).anySatisfy(e -> assertThat(e).isInstanceOf(StockReleased.class));
        });
        assertThat(join(deal, group, "gf-u3").code()).isEqualTo("GROUP_CLOSED");
    }

    @Test
    void groups_of_an_unknown_deal_or_before_a_deal_starts_are_refused() throws Exception {
        String sku = product(10);
        String later = createDeal(sku, 2, 60, Instant.now().plusSeconds(600)).field("groupBuyId");

        assertThat(open(later, "gn-u1").code()).isEqualTo("NOT_STARTED");
        assertThat(open("no-such-deal", "gn-u1").status()).isEqualTo(404);
        Answer tooSmall = api.post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":300,"groupSize":1,"windowSeconds":60,
                 "startsAt":"%s","endsAt":"%s"}""".formatted(sku, Instant.now(), Instant.now().plusSeconds(60)));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void joining_a_group_by_the_id_of_an_order_is_404() throws Exception {
        String deal = deal(product(10), 3, 120);
        String order = open(deal, "gx-u1").field("orderId");
        events.awaitFirst(order, OrderConfirmed.class);

        Answer joined = join(deal, order, "gx-u2");

        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(404);
        assertThat(joined.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void paying_for_the_id_of_a_group_as_an_order_is_404() throws Exception {
        String deal = deal(product(10), 3, 120);
        String group = open(deal, "gy-u1").field("groupId");

        Answer paid = pay(group, "gy-u1", 300);

        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(404);
        assertThat(paid.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void members_choose_the_options_the_deal_allows_pay_their_price_on_top_and_hold_their_toppings()
            throws Exception {
        String sku = product(10);
        String pearls = product(5);
        commands.sendAndWait(new SetOptions(sku, List.of(
                new OptionGroup("size", "Size", 1, 1, List.of(new Option("m", "Medium", 0, null),
                        new Option("l", "Large", 60, null))),
                new OptionGroup("sugar", "Sugar", 0, 1, List.of(new Option("50", "Half", 0, null))),
                new OptionGroup("toppings", "Toppings", 0, 1, List.of(new Option("pearls", "Pearls", 50, pearls))))));
        Answer created = api.post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":300,"groupSize":2,"windowSeconds":120,"startsAt":"%s","endsAt":"%s",
                 "allowedOptions":["sugar","toppings"]}"""
                .formatted(sku, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String deal = created.field("groupBuyId");

        Answer notAllowed = api.post("/api/v1/group-buys/" + deal + "/groups", api.token("go-u1", "customer"),
                "{\"options\":{\"size\":[\"l\"]}}");
        assertThat(notAllowed.status()).isEqualTo(422);
        assertThat(notAllowed.body().get("detail").asString())
                .isEqualTo(sku + ": option group size is not offered under this deal (it offers: sugar, toppings)");
        assertThat(api.post("/api/v1/group-buys/" + deal + "/groups", api.token("go-u1", "customer"),
                "{\"options\":{\"toppings\":[\"jelly\"]}}").status()).isEqualTo(422);

        Answer opened = api.post("/api/v1/group-buys/" + deal + "/groups", api.token("go-u1", "customer"),
                "{\"options\":{\"sugar\":[\"50\"],\"toppings\":[\"pearls\"]}}");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(202);
        String plain = join(deal, opened.field("groupId"), "go-u2").field("orderId");

        OrderConfirmed withOptions = events.awaitFirst(opened.field("orderId"), OrderConfirmed.class);
        assertThat(withOptions.lines()).singleElement().satisfies(line -> {
            assertThat(line.unitPriceCents()).isEqualTo(350);
            assertThat(line.options()).containsExactly(new ChosenOption("sugar", "50", "Half", 0, null),
                    new ChosenOption("toppings", "pearls", "Pearls", 50, pearls));
        });
        assertThat(withOptions.totalCents()).isEqualTo(350);
        OrderConfirmed standard = events.awaitFirst(plain, OrderConfirmed.class);
        assertThat(standard.lines().getFirst().unitPriceCents()).isEqualTo(300);
        assertThat(standard.lines().getFirst().options()).isEmpty();
        assertThat(events.payloadsOf(pearls).stream().filter(StockReserved.class::isInstance)).hasSize(1);

        assertThat(api.post("/api/v1/orders/" + opened.field("orderId") + "/cancellation",
                api.token("go-u1", "customer"), "{}").status()).isEqualTo(202);
        events.awaitFirst(pearls, StockReleased.class);
    }

    private String product(int stock) {
        String sku = "GROUP-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Group tea", "tea", 500, stock));
        return sku;
    }

    private String deal(String sku, int groupSize, long windowSeconds) throws Exception {
        Answer created = createDeal(sku, groupSize, windowSeconds, Instant.now().minusSeconds(1));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.field("groupBuyId");
    }

    private Answer createDeal(String sku, int groupSize, long windowSeconds, Instant startsAt) throws Exception {
        return api.post("/api/v1/group-buys", admin, """
                {"sku":"%s","groupPriceCents":300,"groupSize":%d,"windowSeconds":%d,"startsAt":"%s","endsAt":"%s"}"""
                .formatted(sku, groupSize, windowSeconds, startsAt, startsAt.plusSeconds(3600)));
    }

    private Answer open(String deal, String userId) throws Exception {
        return api.post("/api/v1/group-buys/" + deal + "/groups", api.token(userId, "customer"), "{}");
    }

    private Answer join(String deal, String group, String userId) throws Exception {
        return api.post("/api/v1/group-buys/" + deal + "/groups/" + group + "/members",
                api.token(userId, "customer"), "{}");
    }

    private Answer pay(String orderId, String userId, long amountCents) throws Exception {
        return api.post("/api/v1/orders/" + orderId + "/payment", api.token(userId, "customer"),
                "{\"amountCents\":" + amountCents + ",\"paymentRef\":\"pay-" + orderId + "\"}");
    }
}
