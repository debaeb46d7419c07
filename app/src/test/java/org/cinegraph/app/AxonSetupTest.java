package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Axon runs without Axon Server, on PostgreSQL through JDBC (though JPA is on the classpath, for the read models:
 * ReadModelEntitiesTest checks that Hibernate maps none of Axon's tables), with Jackson and pooled processors.
 */
@ApplicationTest
class AxonSetupTest {

    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private SagaStore<?> sagaStore;
    @Autowired
    private Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void eventsTokensSagasAndDeadLettersLiveInPostgresThroughJdbc() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        for (String projection : List.of("year-progress", "movies", "festivals", "lists")) {
            assertThat(processing.deadLetterQueue(projection)).as(projection).get()
                    .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        }
    }

    @Autowired
    private ObjectMapper webMapper;

    @Test
    void jacksonSerializesEverythingWithAMapperOfItsOwn() {
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(eventSerializer).isSameAs(serializer);
        assertThat(messageSerializer).isSameAs(serializer);
        assertThat(((JacksonSerializer) serializer).getObjectMapper()).isNotSameAs(webMapper);
    }

    @Test
    void anEventIsStoredAsJsonWithItsRevision() {
        SerializedObject<byte[]> stored = eventSerializer.serialize(
                new YearImportStarted(2024, ImportTrigger.ADMIN), byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"year\":2024,\"trigger\":\"ADMIN\"}");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) eventSerializer.deserialize(stored))
                .isEqualTo(new YearImportStarted(2024, ImportTrigger.ADMIN));
    }

    @Test
    void everyProjectionIsANamedPooledStreamingProcessor() {
        assertThat(processing.eventProcessors()).containsOnlyKeys("year-progress", "import-state", "movies", "skipped-imports", "import-failures", "year-import-runner",
                "range-completion", "daily-import-saga", "festivals", "festival-ledger", "lists", "list-ledger",
                "health-alerts");
        for (String projection : List.of("year-progress", "import-state", "movies", "skipped-imports", "import-failures",
                "festivals", "lists", "health-alerts", "daily-import-saga")) {
            assertThat(processing.eventProcessors().get(projection)).as(projection)
                    .isInstanceOf(PooledStreamingEventProcessor.class);
        }
    }

    @Test
    void theCommandSideHandlersRunInTheTransactionOfTheirEvents() {
        for (String handler : List.of("year-import-runner", "range-completion", "festival-ledger", "list-ledger")) {
            assertThat(processing.eventProcessors().get(handler)).as(handler)
                    .isInstanceOf(SubscribingEventProcessor.class);
        }
    }
}
