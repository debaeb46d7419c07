package org.cinegraph.app.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon stores its events, tokens, sagas and dead letters through its JDBC components (auto-configured
 * because no JPA is on the classpath), in the tables Flyway creates (V1__axon_infrastructure.sql). These
 * schemas give Axon the snake_case names of those tables; Axon itself never creates a table. The event storage
 * engine is built as Axon's auto-configuration builds it (reading through the upcaster chain of Axon's
 * configuration, in which every upcaster bean is registered: see the {@code upcasting} package), with larger reads.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    /** PostgreSQL's SQLState for a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int EVENTS_PER_QUERY = 1_000;
    /**
     * Letters one sequence of a projection may hold: more than the events of any year TMDb has (a few tens of
     * thousands). Axon's default, 1,024, is less than a year of a few thousand movies: year progress parks a
     * year's events in one sequence, and once that sequence were full every batch holding another event of the
     * year would fail, and with it the other years of its segment. Each letter parked counts its sequence's
     * letters first, so the limit also bounds that cost.
     */
    private static final int LETTERS_PER_SEQUENCE = 100_000;

    /**
     * Tells Axon which insert failures mean "someone appended this event first". Axon's default recognises
     * only {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver never throws, so two
     * requests racing to start the same year would end in a 500 instead of a conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /**
     * Axon's auto-configured engine, except for how many events one query reads: 100 by default, which makes a
     * replay of a million events ten thousand queries per projection.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(EVENTS_PER_QUERY)
                .build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's auto-configured token store, except for the owner it writes into {@code token_entry}. Axon's default,
     * {@code pid@host}, is the same for two nodes that share a pid and a host name (two containers on the host's
     * network, each running the application as pid 1; two applications in one JVM): each then takes the other's
     * claims for its own, and both process every event of a segment, which counts a page or an outcome twice. A
     * random suffix makes each application an owner of its own; the owner still starts with {@code pid@host}, which
     * tells a person which process holds a segment. A node started again is a new owner, like a node of its own
     * (ThisNode): after a kill it takes its segments back once the old claims time out.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * The projections' dead-letter queues (those with {@code dlq.enabled}), as Axon's auto-configuration makes
     * them, with room for a whole sequence ({@link #LETTERS_PER_SEQUENCE}). The number of sequences stays
     * Axon's 1,024: more events failing each on its own say that something is wrong with all of them, and the
     * projection then stops, its batches retried, rather than park every event.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, DeadLetterSchema schema,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) {
        return new DeadLetterQueueProviderConfigurerModule(processors,
                processingGroup -> configuration -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(schema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .maxSequenceSize(LETTERS_PER_SEQUENCE)
                        .build());
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
