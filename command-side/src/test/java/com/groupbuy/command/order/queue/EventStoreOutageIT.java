package com.groupbuy.command.order.queue;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.infra.TcpProxy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's event store goes away while orders wait on the queue, and comes back: the worker pauses on the
 * queue instead of giving up on the orders, and places every one of them once PostgreSQL is reachable again.
 */
@SpringBootTest(properties = "groupbuy.order-queue.max-back-off=1s")
@ActiveProfiles("worker")
class EventStoreOutageIT {

    private static final String DATABASE = "eventstore_outage_it";
    private static final URI POSTGRES = URI.create(Infrastructures.shared().jdbcUrl(DATABASE).substring("jdbc:".length()));
    private static final TcpProxy EVENT_STORE = TcpProxy.to(POSTGRES.getHost(), POSTGRES.getPort());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.properties(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://" + POSTGRES.getHost() + ":" + EVENT_STORE.port() + POSTGRES.getRawPath());
        registry.add("spring.datasource.hikari.connection-timeout", () -> "250");
    }

    @AfterAll
    static void closeProxy() {
        EVENT_STORE.close();
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    OrderQueue queue;
    @Autowired
    EventStore eventStore;

    @Test
    void orders_that_arrive_while_the_event_store_is_down_are_all_placed_once_it_is_back() throws Exception {
        String sku = "OUTAGE-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Jasmine tea", "tea", 350, 100));
        List<String> orderIds = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();

        EVENT_STORE.goDown();
        for (String orderId : orderIds) {
            queue.enqueue(OrderRequest.regular(orderId, "buyer-" + orderId, List.of(new OrderItem(sku, 1)), null,
                    Instant.now()));
        }
        Thread.sleep(Duration.ofSeconds(6));
        EVENT_STORE.comeBack();

        assertThat(new StoredEvents(eventStore).awaitOutcomes(orderIds)).hasSize(20).containsOnly("CONFIRMED");
    }
}
