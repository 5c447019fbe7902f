package com.groupbuy.command.groupbuy;

import com.groupbuy.command.groupbuy.process.DealCancellation;
import com.groupbuy.command.groupbuy.process.GroupSettlement;
import com.groupbuy.command.infrastructure.axon.EventProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/**
 * Group buys: the process that keeps groups and their members' orders in step, and the one that fails the open
 * groups of a cancelled deal, run in the workers.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
public class GroupBuyConfiguration {

    @Bean
    GroupSettlement groupSettlement(CommandGateway commands) {
        return new GroupSettlement(commands);
    }

    @Bean
    DealCancellation dealCancellation(CommandGateway commands, DataSource dataSource) {
        return new DealCancellation(commands, JdbcClient.create(dataSource));
    }

    @Bean
    ConfigurerModule dealCancellationProcessor() {
        return EventProcessors.pooledFromTheStart(DealCancellation.PROCESSING_GROUP, 1);
    }

    @Bean
    ConfigurerModule groupSettlementProcessor(@Value("${groupbuy.group-settlement.segments:2}") int segments) {
        return EventProcessors.pooledFromTheStart(GroupSettlement.PROCESSING_GROUP, segments);
    }
}
