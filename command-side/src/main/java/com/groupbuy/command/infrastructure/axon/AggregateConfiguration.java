package com.groupbuy.command.infrastructure.axon;

import com.groupbuy.command.coupon.model.Coupon;
import com.groupbuy.command.coupon.model.CouponCampaign;
import com.groupbuy.command.flashsale.model.FlashSale;
import com.groupbuy.command.groupbuy.model.Group;
import com.groupbuy.command.groupbuy.model.GroupBuy;
import com.groupbuy.command.order.model.Order;
import com.groupbuy.command.product.model.Product;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How aggregates are loaded and commands retried. Every aggregate is cached in memory and brought up to date from
 * the event store before each command ({@link FreshStateRepository}), so any process may handle any command; the
 * aggregates with long streams (a product in a crowd, a sale, a popular campaign) are also snapshotted. When
 * another process appended first, the append fails on the (aggregate, sequence) key and the command is retried on
 * fresh state ({@link ConflictRetryScheduler}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    FreshStateRepository.Parts aggregateRepositoryParts(EventStore eventStore,
                                                        ParameterResolverFactory parameterResolverFactory,
                                                        HandlerDefinition handlerDefinition,
                                                        ObjectProvider<org.axonframework.config.Configuration> axon) {
        RepositoryProvider repositories = new RepositoryProvider() {
            @Override
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return axon.getObject().repository(aggregateType);
            }
        };
        return new FreshStateRepository.Parts(eventStore, new WeakReferenceCache(), parameterResolverFactory,
                handlerDefinition, repositories);
    }

    /** Every aggregate's commands find their target here (Axon's configurer takes the bean for all of them). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new RememberingCommandTargetResolver();
    }

    @Bean
    SnapshotTriggerDefinition longStreamSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${groupbuy.snapshots.every:250}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    @Bean
    Repository<Product> productRepository(FreshStateRepository.Parts parts,
                                          SnapshotTriggerDefinition longStreamSnapshotTrigger) {
        return parts.repositoryOf(Product.class, longStreamSnapshotTrigger);
    }

    @Bean
    Repository<FlashSale> flashSaleRepository(FreshStateRepository.Parts parts) {
        return parts.repositoryOf(FlashSale.class, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean
    Repository<CouponCampaign> couponCampaignRepository(FreshStateRepository.Parts parts,
                                                        SnapshotTriggerDefinition longStreamSnapshotTrigger) {
        return parts.repositoryOf(CouponCampaign.class, longStreamSnapshotTrigger);
    }

    @Bean
    Repository<GroupBuy> groupBuyRepository(FreshStateRepository.Parts parts) {
        return parts.repositoryOf(GroupBuy.class, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean
    Repository<Group> groupRepository(FreshStateRepository.Parts parts) {
        return parts.repositoryOf(Group.class, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean
    Repository<Order> orderRepository(FreshStateRepository.Parts parts) {
        return parts.repositoryOf(Order.class, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean
    Repository<Coupon> couponRepository(FreshStateRepository.Parts parts) {
        return parts.repositoryOf(Coupon.class, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("command-retry").daemon().factory());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  MessageDispatchInterceptor<CommandMessage<?>> traceContext,
                                  @Value("${groupbuy.commands.max-retries:8}") int maxRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(traceContext)
                .retryScheduler(ConflictRetryScheduler.of(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .backoffFactor(10)
                        .maxRetryCount(maxRetries)))
                .build();
    }
}
