package com.groupbuy.command.flashsale;

import com.groupbuy.command.flashsale.gate.FlashSaleGate;
import com.groupbuy.command.flashsale.gate.FlashSaleGateRepair;
import com.groupbuy.command.flashsale.gate.FlashSaleGateSync;
import com.groupbuy.command.flashsale.model.LateAdmissions;
import com.groupbuy.command.flashsale.process.FlashSaleSettlement;
import com.groupbuy.command.infrastructure.axon.EventProcessors;
import com.groupbuy.command.order.queue.OrderQueueProgress;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Flash sales: the gate and rate limit in the api, the processes that follow the sales' events in the workers. */
@Configuration(proxyBeanMethods = false)
public class FlashSaleConfiguration {

    @Bean
    LateAdmissions lateAdmissions(@Value("${groupbuy.flash-sale.late-admissions:2m}") Duration window) {
        return new LateAdmissions(window);
    }

    @Bean
    FlashSaleGate flashSaleGate(RedissonClient redis) {
        return new FlashSaleGate(redis);
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("api")
    static class Api {

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService flashSaleGateRepairs() {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gate-repair-", 0).factory());
        }

        @Bean
        FlashSaleGateRepair flashSaleGateRepair(FlashSaleGate gate, CommandGateway commands,
                OrderQueueProgress queue, Clock clock, ExecutorService flashSaleGateRepairs, MeterRegistry registry,
                @Value("${groupbuy.flash-sale.gate.grace:2s}") Duration grace,
                @Value("${groupbuy.flash-sale.gate.patience:60s}") Duration patience,
                @Value("${groupbuy.flash-sale.gate.lease:90s}") Duration lease) {
            return new FlashSaleGateRepair(gate, commands, queue, clock,
                    new FlashSaleGateRepair.Settings(grace, patience, lease), flashSaleGateRepairs, registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("worker")
    static class Workers {

        @Bean
        FlashSaleGateSync flashSaleGateSync(FlashSaleGate gate,
                                            @Value("${groupbuy.flash-sale.gate.lease:90s}") Duration lease) {
            return new FlashSaleGateSync(gate, lease);
        }

        @Bean
        FlashSaleSettlement flashSaleSettlement(CommandGateway commands) {
            return new FlashSaleSettlement(commands);
        }

        @Bean
        ConfigurerModule flashSaleGateSyncProcessor() {
            return EventProcessors.pooledFromTheStart(FlashSaleGateSync.PROCESSING_GROUP, 1);
        }

        @Bean
        ConfigurerModule flashSaleSettlementProcessor() {
            return EventProcessors.pooledFromTheStart(FlashSaleSettlement.PROCESSING_GROUP, 1);
        }
    }
}
