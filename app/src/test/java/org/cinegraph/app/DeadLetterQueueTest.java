package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.writes.ProjectionTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * Every projection parks what it cannot apply in the dead-letter table Flyway created, shows it in
 * {@code GET /api/projections}, and gets it back.
 */
@ApplicationTest
class DeadLetterQueueTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private TestRestTemplate http;

    @Test
    void aDeadLetterRoundTripsThroughPostgresForEveryProjection() {
        List<String> projections = projections();
        assertThat(projections).as("every projection, found by its @ProjectionTables")
                .containsExactlyInAnyOrderElementsOf(ReadModels.TABLES.keySet()).hasSize(8);
        for (String projection : projections) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(projection)
                    .orElseThrow(() -> new AssertionError(projection + " has no dead-letter queue"));
            assertThat(processing.sequencedDeadLetterProcessor(projection)).as(projection).isPresent();
            String sequence = "dead-letter-test-" + projection;
            EventMessage<?> event = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(42),
                    new GenericDomainEventMessage<>("YearImport", "1990", 0,
                            new YearImportStarted(1990, ImportTrigger.ADMIN)));
            long shownBefore = deadLetters(projection);

            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, new IllegalStateException("boom")));

            assertThat(queue.contains(sequence)).as(projection).isTrue();
            assertThat(queue.deadLetterSequence(sequence)).singleElement().satisfies(letter -> {
                assertThat(letter.message().getPayload()).isEqualTo(new YearImportStarted(1990, ImportTrigger.ADMIN));
                assertThat(letter.cause()).hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("boom"));
            });
            assertThat(deadLetters(projection)).as("%s in GET /api/projections", projection).isEqualTo(shownBefore + 1);
            assertThat(queue.process(letter -> letter.message().getIdentifier().equals(event.getIdentifier()),
                    letter -> Decisions.evict())).isTrue();
            assertThat(queue.contains(sequence)).as(projection).isFalse();
            assertThat(deadLetters(projection)).as(projection).isEqualTo(shownBefore);
        }
    }

    /** The processing group of every bean that names the tables it projects into. */
    private List<String> projections() {
        return Arrays.stream(context.getBeanNamesForAnnotation(ProjectionTables.class))
                .map(bean -> context.findAnnotationOnBean(bean, ProcessingGroup.class).value())
                .toList();
    }

    private long deadLetters(String projection) {
        for (JsonNode status : http.getForObject("/api/projections", JsonNode.class)) {
            if (status.get("name").asText().equals(projection)) {
                return status.get("deadLetters").asLong();
            }
        }
        throw new AssertionError("No projection " + projection + " in GET /api/projections");
    }
}
