package com.groupbuy.command.infrastructure.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Durable deadlines (the payment window of every confirmed order) in PostgreSQL through db-scheduler, so they
 * survive a restart of every process. Every process can schedule; only processes with
 * {@code groupbuy.deadlines.execute=true} (the workers) poll for due deadlines and run them.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /**
     * Axon's deadline task, with failure handling for deadlines that matter: a deadline whose handler failed (a
     * lost race on its aggregate, a database that went away) runs again after a second, then ever less often, and
     * is never dropped; db-scheduler's default would wait five minutes.
     */
    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context,
                                                        @Value("${groupbuy.deadlines.first-retry:1s}") Duration firstRetry) {
        Task<DbSchedulerBinaryDeadlineDetails> axonTask =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry, 2))
                .onDeadExecutionRevive()
                .execute((instance, execution) -> axonTask.execute(instance, execution));
    }

    /**
     * A deadline picked by a worker that then died is taken over by another once the dead one has missed
     * {@code missed-heartbeats} heartbeats (seconds, not db-scheduler's default half hour).
     */
    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, Task<DbSchedulerBinaryDeadlineDetails> deadlineTask,
                                @Value("${groupbuy.deadlines.poll-interval:1s}") Duration pollInterval,
                                @Value("${groupbuy.deadlines.heartbeat:2s}") Duration heartbeat,
                                @Value("${groupbuy.deadlines.missed-heartbeats:4}") int missedHeartbeats) {
        return Scheduler.create(dataSource, deadlineTask)
                .schedulerName(new SchedulerName.Fixed(processName()))
                .threads(2)
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .registerShutdownHook()
                .build();
    }

    /**
     * The name a deadline picked by this process carries in {@code scheduled_tasks.picked_by}: host and pid, so
     * that several processes on one host (the local run) are told apart, as pods are by their host names.
     */
    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "#" + ProcessHandle.current().pid();
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
