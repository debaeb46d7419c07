package org.cinegraph.query.skipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.imported;
import static org.cinegraph.query.testing.MovieOutcomes.skipped;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The skipped-imports projection writes a batch's rows together, the last write per key; whatever the batches, the
 * table must hold exactly what applying each event on its own gives.
 */
class SkippedImportBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final SkippedImportsProjection skips = new SkippedImportsProjection(jdbc, new ObjectMapper());
    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 3, 4, 1000})
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), skips::reset,
                () -> List.of(Batches.rows(jdbc, "skipped_imports", "tmdb_id")));

        assertThat(oneByOne.get(0)).contains("{vote_count}").contains("{}").doesNotContain("Movie 1");
    }

    /** Movies skipped, imported and skipped again, in every order. */
    private List<Runnable> events() {
        List<Runnable> events = new ArrayList<>();
        at(events, at -> skips.on(skipped(1, "year_import", List.of("vote_count", "popularity")), at));
        at(events, importing(events.size(), 2, "First title"));
        at(events, importing(events.size(), 2, "Second title"));
        at(events, at -> skips.on(skipped(3, "year_import", List.of()), at));
        at(events, at -> skips.on(skipped(4, "year_import", List.of("runtime")), at));
        at(events, importing(events.size(), 4, "Imported after a skip"));
        at(events, at -> skips.on(skipped(4, "year_import", List.of("vote_count")), at));
        at(events, importing(events.size(), 1, "Imported at last"));
        return events;
    }

    private Consumer<Instant> importing(int index, int id, String title) {
        return at -> skips.on(imported(index, id, title));
    }

    private void at(List<Runnable> events, Consumer<Instant> handler) {
        Instant at = start.plusSeconds(events.size());
        events.add(() -> handler.accept(at));
    }
}
