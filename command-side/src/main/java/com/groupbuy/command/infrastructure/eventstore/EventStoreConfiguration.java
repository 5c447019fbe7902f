package com.groupbuy.command.infrastructure.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The Axon event store on PostgreSQL through Axon's JDBC engine (schema in Flyway's
 * {@code db/migration/eventstore}). Declared here rather than left to auto-configuration, whose ordering under
 * Spring Boot 4 can silently fall back to in-memory token stores and no transactions (see
 * docs/decisions/0002-axon-jdbc-event-store.md); {@code EventStoreWiringIT} asserts what is in use.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /** Events and snapshots as JSON, with our {@code @SchemaVersion} as Axon's revision for upcasting. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(axonObjectMapper)
                .revisionResolver(new SchemaVersionRevisionResolver())
                .build();
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectMapper axonObjectMapper,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer(axonObjectMapper))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * The event store every processor reads through. Axon polls the storage engine for events appended by other
     * processes every {@code fetchDelay} (default one second); a short delay keeps the relay, and so every read
     * model, close behind writers in other processes.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  @Value("${groupbuy.event-store.fetch-delay:25ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Aggregate snapshots are the aggregates' private fields, with no getters to go through. */
    private static Serializer snapshotSerializer(ObjectMapper axonObjectMapper) {
        ObjectMapper fields = axonObjectMapper.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }
}
