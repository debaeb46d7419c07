package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every projection parks what it cannot apply in the dead-letter table Flyway created, and gets it back. */
@ApplicationTest
class DeadLetterQueueTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aDeadLetterRoundTripsThroughPostgresForEveryProjection() {
        for (String projection : List.of("year-progress", "import-state", "movies", "skipped-imports", "import-failures")) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(projection)
                    .orElseThrow(() -> new AssertionError(projection + " has no dead-letter queue"));
            String sequence = "dead-letter-test-" + projection;
            EventMessage<?> event = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(42),
                    new GenericDomainEventMessage<>("YearImport", "1990", 0,
                            new YearImportStarted(1990, ImportTrigger.ADMIN)));

            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, new IllegalStateException("boom")));

            assertThat(queue.contains(sequence)).as(projection).isTrue();
            assertThat(queue.deadLetterSequence(sequence)).singleElement().satisfies(letter -> {
                assertThat(letter.message().getPayload()).isEqualTo(new YearImportStarted(1990, ImportTrigger.ADMIN));
                assertThat(letter.cause()).hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("boom"));
            });
            assertThat(queue.process(letter -> letter.message().getIdentifier().equals(event.getIdentifier()),
                    letter -> Decisions.evict())).isTrue();
            assertThat(queue.contains(sequence)).as(projection).isFalse();
        }
    }
}
