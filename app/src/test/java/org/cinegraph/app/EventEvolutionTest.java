package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.cinegraph.events.MovieSkipped;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events stored by an older revision of their class are read as the current class: the event store upcasts
 * everything it reads, and the projections apply the result. The stored event is a fixture, byte for byte what
 * revision 1 of MovieSkipped was stored as, for a year and a movie no other test of this shared application uses.
 */
@ApplicationTest
class EventEvolutionTest {

    private static final String REVISION_1_FIXTURE = "/fixtures/events/movie-skipped-rev1.json";
    private static final int YEAR = 1890;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovieSkipped AS_REVISION_2 = new MovieSkipped(18901, null, "Monkeyshines, No. 1", YEAR,
            "year_import", MovieSkipped.QUALITY_FILTER, List.of("has_poster", "has_votes", "has_popularity"));

    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TestRestTemplate http;

    @Test
    void theProcessorsReadARevisionOneMovieSkippedAsRevisionTwoAndProjectIt() throws Exception {
        String eventId = UUID.randomUUID().toString();
        long globalIndex = store(eventId, null, eventId, revisionOnePayload());

        assertReadAsRevisionTwo(readFromEventStream(globalIndex, eventId), AS_REVISION_2);

        JsonNode skipped = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/import/skipped?year=" + YEAR, JsonNode.class),
                list -> list.get("total").asInt() == 1);
        JsonNode item = skipped.at("/items/0");
        assertThat(item.get("tmdbId").asInt()).isEqualTo(AS_REVISION_2.tmdbId());
        assertThat(item.has("imdbId")).isTrue();
        assertThat(item.get("imdbId").isNull()).isTrue();
        assertThat(item.get("title").asText()).isEqualTo(AS_REVISION_2.title());
        assertThat(item.get("year").asInt()).isEqualTo(YEAR);
        assertThat(item.get("reason").asText()).isEqualTo(MovieSkipped.QUALITY_FILTER);
        assertThat(item.get("criteriaFailed")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(AS_REVISION_2.criteriaFailed());
    }

    /**
     * MovieSkipped is no aggregate's event, but aggregate streams are read through the same chain: the fixture,
     * as another movie of another year so that the test above keeps its year, stored in an aggregate's stream.
     */
    @Test
    void anAggregateStreamReadsARevisionOneEventAsRevisionTwo() throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(revisionOnePayload());
        payload.put("tmdbId", 18911).put("year", YEAR + 1);
        String aggregateId = "event-evolution-" + UUID.randomUUID();
        store(UUID.randomUUID().toString(), "EventEvolutionTest", aggregateId, JSON.writeValueAsBytes(payload));

        EventMessage<?> read = storageEngine.readEvents(aggregateId).asStream().findFirst().orElseThrow();

        assertReadAsRevisionTwo(read, new MovieSkipped(18911, null, AS_REVISION_2.title(), YEAR + 1,
                AS_REVISION_2.source(), AS_REVISION_2.reason(), AS_REVISION_2.criteriaFailed()));
    }

    /**
     * Axon's dead-letter queue reads a parked event with the serializer alone, without upcasters. A MovieSkipped
     * parked before the upgrade still reads as the current class because revision 2 only added a field, which
     * Jackson leaves null when it is missing.
     */
    @Test
    void aMovieSkippedParkedAsRevisionOneReadsBackAsRevisionTwo() throws IOException {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("skipped-imports").orElseThrow();
        String sequence = "event-evolution-test";
        EventMessage<?> parked = GenericEventMessage.asEventMessage(new MovieSkipped(18901, "tt0000001",
                "Placeholder", YEAR, "year_import", MovieSkipped.QUALITY_FILTER, List.of("has_poster")));
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, parked, new IllegalStateException("parked")));
        jdbc.sql("UPDATE dead_letter_entry SET payload = :payload, payload_revision = '1' WHERE event_identifier = :id")
                .param("payload", revisionOnePayload()).param("id", parked.getIdentifier()).update();

        try {
            assertThat(queue.deadLetterSequence(sequence)).singleElement()
                    .satisfies(letter -> assertThat(letter.message().getPayload()).isEqualTo(AS_REVISION_2));
        } finally {
            queue.process(letter -> letter.message().getIdentifier().equals(parked.getIdentifier()),
                    letter -> Decisions.evict());
        }
    }

    private void assertReadAsRevisionTwo(EventMessage<?> read, MovieSkipped expected) {
        assertThat(read.getPayload()).isEqualTo(expected);
        // Jackson alone would leave the missing imdbId null too; only the upcaster turns the stored form into
        // revision 2, which is also the form a dead letter of this event would be parked in.
        SerializedObject<JsonNode> form = read.serializePayload(eventSerializer, JsonNode.class);
        assertThat(form.getType().getRevision()).isEqualTo("2");
        assertThat(form.getData().has("imdbId")).as("the upcaster added imdbId").isTrue();
    }

    /**
     * Appends a MovieSkipped as revision 1 stored it, with empty metadata. The app publishes it outside any
     * aggregate, which Axon stores with no aggregate type and the event's own id as aggregate id.
     */
    private long store(String eventId, String aggregateType, String aggregateId, byte[] payload) {
        return jdbc.sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (:aggregateId, 0, :type, :eventId, :metaData, :payload, '1',
                                'org.cinegraph.events.MovieSkipped', :at)
                        RETURNING global_index""")
                .param("aggregateId", aggregateId)
                .param("type", aggregateType)
                .param("eventId", eventId)
                .param("metaData", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", payload)
                .param("at", DateTimeUtils.formatInstant(Instant.now()))
                .query(Long.class).single();
    }

    /** The stream the projections' processors read, from just before the event. */
    private TrackedEventMessage<?> readFromEventStream(long globalIndex, String eventId) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     eventStore.openStream(GapAwareTrackingToken.newInstance(globalIndex - 1, Set.of()))) {
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> next = stream.nextAvailable();
                if (next.getIdentifier().equals(eventId)) {
                    return next;
                }
            }
        }
        throw new AssertionError("The event stream never delivered event " + eventId);
    }

    private static byte[] revisionOnePayload() throws IOException {
        try (InputStream in = EventEvolutionTest.class.getResourceAsStream(REVISION_1_FIXTURE)) {
            return in.readAllBytes();
        }
    }
}
