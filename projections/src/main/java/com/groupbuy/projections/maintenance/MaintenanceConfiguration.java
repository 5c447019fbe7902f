package com.groupbuy.projections.maintenance;

import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ProjectionConsumers;
import com.groupbuy.projections.consumer.ProjectionGroups;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Rebuilds, checksums, dead-letter replay and the repair of Redis read models. */
@Configuration(proxyBeanMethods = false)
class MaintenanceConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService rebuildRunner() {
        return Executors.newCachedThreadPool(Thread.ofPlatform().name("rebuild-", 0).daemon().factory());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService maintenanceScheduler() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("read-model-maintenance").daemon().factory());
    }

    @Bean
    Rebuilds rebuilds(List<Projection> projections, JdbcTemplate jdbc, TransactionTemplate transactions,
                      ConsumerFactory<String, byte[]> consumers, ProjectionPositions positions,
                      ProjectionConsumers live, RedissonClient redis, ExecutorService rebuildRunner,
                      ScheduledExecutorService maintenanceScheduler) {
        TransactionTemplate separate = new TransactionTemplate(transactions.getTransactionManager());
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Rebuilds(projections,
                new PostgresRebuild(jdbc, transactions, separate, consumers, positions, live),
                new RedisRebuild(redis, consumers, positions, live, maintenanceScheduler),
                rebuildRunner, jdbc, transactions, redis);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<String, byte[]> consumers,
                                      KafkaTemplate<String, byte[]> producer, TransactionTemplate transactions,
                                      ProjectionPositions positions, ProjectionGroups groups) {
        return new DeadLetterReplay(consumers, producer, transactions, positions, groups);
    }

    /**
     * Checks the markers of the Redis read models this process runs as soon as the application is ready (its
     * topics exist then), and every {@code redis-check-interval} after.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> redisRepair(Rebuilds rebuilds, List<Projection> projections,
            ProjectionConsumers live, ScheduledExecutorService maintenanceScheduler,
            @Value("${groupbuy.projections.redis-check-interval:5s}") Duration every) {
        RedisRepair repair = new RedisRepair(rebuilds, projections.stream().filter(p -> live.runs(p.name())).toList());
        return ready -> maintenanceScheduler.scheduleWithFixedDelay(repair, 0, every.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
