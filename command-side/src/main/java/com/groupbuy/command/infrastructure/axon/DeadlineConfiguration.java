package com.groupbuy.command.infrastructure.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Durable deadlines (the payment window of every confirmed order) in PostgreSQL through db-scheduler, so they
 * survive a restart of every process. Every process can schedule; only processes with
 * {@code groupbuy.deadlines.execute=true} (the workers) poll for due deadlines and run them.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, Task<DbSchedulerBinaryDeadlineDetails> deadlineTask,
                                @Value("${groupbuy.deadlines.poll-interval:1s}") Duration pollInterval) {
        return Scheduler.create(dataSource, deadlineTask)
                .threads(2)
                .pollingInterval(pollInterval)
                .registerShutdownHook()
                .build();
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration axon,
                                    Serializer serializer, TransactionManager transactionManager,
                                    @Value("${groupbuy.deadlines.execute:false}") boolean execute) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(execute)
                .stopScheduler(true)
                .build();
    }
}
