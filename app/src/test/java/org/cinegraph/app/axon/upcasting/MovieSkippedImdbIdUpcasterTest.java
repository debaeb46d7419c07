package org.cinegraph.app.axon.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class MovieSkippedImdbIdUpcasterTest {

    private static final String MOVIE_SKIPPED = "org.cinegraph.events.MovieSkipped";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovieSkippedImdbIdUpcaster upcaster = new MovieSkippedImdbIdUpcaster();

    @Test
    void aRevisionOneSkipBecomesRevisionTwoWithoutAnImdbId() throws IOException {
        IntermediateEventRepresentation upcast = upcastOne(stored(MOVIE_SKIPPED, "1", fixture()));

        assertThat(upcast.getType().getName()).isEqualTo(MOVIE_SKIPPED);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(JSON.readTree("""
                {"tmdbId": 18901, "imdbId": null, "title": "Monkeyshines, No. 1", "year": 1890,
                 "source": "year_import", "reason": "quality_filter",
                 "criteriaFailed": ["has_poster", "has_votes", "has_popularity"]}"""));
    }

    @Test
    void aRevisionTwoSkipPassesUntouched() {
        byte[] payload = """
                {"tmdbId":18902,"imdbId":"tt0000002","title":"Monkeyshines, No. 2","year":1890,"source":"year_import",\
                "reason":"quality_filter","criteriaFailed":["has_votes"]}""".getBytes(StandardCharsets.UTF_8);
        IntermediateEventRepresentation revisionTwo = stored(MOVIE_SKIPPED, "2", payload);

        assertThat(upcastOne(revisionTwo)).isSameAs(revisionTwo);
    }

    @Test
    void otherEventsPassUntouched() {
        IntermediateEventRepresentation other = stored("org.cinegraph.events.YearImportStarted", "1",
                "{\"year\":1890,\"trigger\":\"ADMIN\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(upcastOne(other)).isSameAs(other);
    }

    private IntermediateEventRepresentation upcastOne(IntermediateEventRepresentation event) {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(event)).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    /** A MovieSkipped exactly as revision 1 of the class was stored. */
    private static byte[] fixture() throws IOException {
        try (InputStream in = MovieSkippedImdbIdUpcasterTest.class.getResourceAsStream(
                "/fixtures/events/movie-skipped-rev1.json")) {
            return in.readAllBytes();
        }
    }

    private static IntermediateEventRepresentation stored(String type, String revision, byte[] payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>(null, "event-1", 0, "event-1",
                Instant.parse("2025-01-01T00:00:00Z"), type, revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8)), JacksonSerializer.defaultSerializer());
    }
}
