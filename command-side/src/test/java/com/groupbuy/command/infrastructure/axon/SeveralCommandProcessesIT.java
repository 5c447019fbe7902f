package com.groupbuy.command.infrastructure.axon;

import com.groupbuy.command.CommandSideApplication;
import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.command.groupbuy.model.AdmitMemberOrder;
import com.groupbuy.command.groupbuy.model.GroupTerms;
import com.groupbuy.command.groupbuy.model.JoinGroup;
import com.groupbuy.command.groupbuy.model.OpenGroup;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.command.product.model.ReleaseStock;
import com.groupbuy.command.product.model.ReserveStock;
import com.groupbuy.command.product.model.Reservation;
import com.groupbuy.events.product.StockReserved;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side processes (each a Spring context with its own aggregate cache, as two JVMs would have) handling
 * commands for the same aggregates against one real PostgreSQL event store: each decides on what the other
 * appended, and a race they really run into is retried on fresh state.
 */
class SeveralCommandProcessesIT {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoProcesses() {
        first = process();
        second = process();
    }

    @AfterAll
    static void stopThem() {
        for (ConfigurableApplicationContext process : new ConfigurableApplicationContext[]{first, second}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void every_aggregate_is_loaded_through_the_repository_that_catches_up_with_the_event_store() {
        org.axonframework.config.Configuration axon = first.getBean(org.axonframework.config.Configuration.class);

        assertThat(axon.findModules(org.axonframework.config.AggregateConfiguration.class))
                .hasSize(7)
                .allSatisfy(aggregate -> assertThat(aggregate.repository()).isInstanceOf(FreshStateRepository.class));
    }

    @Test
    void units_given_back_in_one_process_can_be_held_in_the_other_which_held_the_last_one_before() {
        String sku = sku();
        commands(first).sendAndWait(new RegisterProduct(sku, "Oolong", "tea", 400, 1));
        commands(first).sendAndWait(new ReserveStock(sku, "order-1", 1));

        commands(second).sendAndWait(new ReleaseStock(sku, "order-1"));
        Reservation held = commands(first).sendAndWait(new ReserveStock(sku, "order-2", 1));

        assertThat(held.quantity()).isEqualTo(1);
    }

    @Test
    void a_member_who_joined_through_one_process_is_admitted_by_the_other() {
        String group = "group-" + UUID.randomUUID();
        GroupTerms terms = new GroupTerms("deal-1", sku(), 450, 3, Duration.ofMinutes(10));
        commands(first).sendAndWait(new OpenGroup(group, terms, "ann", "order-ann"));
        commands(first).sendAndWait(new AdmitMemberOrder(group, "order-ann"));

        commands(second).sendAndWait(new JoinGroup(group, "deal-1", "bob", "order-bob"));

        commands(first).sendAndWait(new AdmitMemberOrder(group, "order-bob"));
    }

    @Test
    void a_reservation_that_loses_the_race_to_another_process_is_retried_on_the_winners_state() {
        String sku = sku();
        commands(first).sendAndWait(new RegisterProduct(sku, "Oolong", "tea", 400, 2));
        List<Throwable> failedAttempts = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean raced = new AtomicBoolean();
        MessageHandlerInterceptor<CommandMessage<?>> otherProcessAppendsFirst = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ReserveStock reserve && reserve.orderId().equals("a")) {
                attempts.incrementAndGet();
                unitOfWork.onPrepareCommit(u -> {
                    if (raced.compareAndSet(false, true)) {
                        CompletableFuture.runAsync(() -> commands(second).sendAndWait(new ReserveStock(sku, "b", 1)))
                                .join();
                    }
                });
                unitOfWork.onRollback(u -> failedAttempts.add(u.getExecutionResult().getExceptionResult()));
            }
            return chain.proceed();
        };
        Registration registration = first.getBean(CommandBus.class).registerHandlerInterceptor(otherProcessAppendsFirst);
        try {
            Reservation held = commands(first).sendAndWait(new ReserveStock(sku, "a", 1));
            assertThat(held.quantity()).isEqualTo(1);
        } finally {
            registration.cancel();
        }

        assertThat(attempts).hasValue(2);
        assertThat(failedAttempts).singleElement().isInstanceOf(ConcurrencyException.class);
        assertThat(new StoredEvents(first.getBean(EventStore.class)).payloadsOf(sku).stream()
                .filter(StockReserved.class::isInstance).map(StockReserved.class::cast).map(StockReserved::orderId))
                .containsExactly("b", "a");
    }

    private static CommandGateway commands(ConfigurableApplicationContext process) {
        return process.getBean(CommandGateway.class);
    }

    private static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ConfigurableApplicationContext process() {
        Map<String, Object> properties = new HashMap<>(RealServers.properties("eventstore_several_processes_it"));
        properties.put("server.port", 0);
        properties.put("groupbuy.relay.enabled", false);
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("api")
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }
}
