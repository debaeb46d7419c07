package org.cinegraph.query.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.failed;
import static org.cinegraph.query.testing.MovieOutcomes.imported;
import static org.cinegraph.query.testing.MovieOutcomes.skipped;

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
 * The import-failures projection writes a batch's rows together, the last write per key; whatever the batches, the
 * table must hold exactly what applying each event on its own gives.
 */
class ImportFailureBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final ImportFailuresProjection failures = new ImportFailuresProjection(jdbc);
    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 3, 4, 1000})
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), failures::reset,
                () -> List.of(Batches.rows(jdbc, "import_failures", "source, tmdb_id")));

        assertThat(oneByOne.get(0)).contains("list:canon").contains("Gone again");
    }

    /** A movie failed, skipped, failed again from two sources and imported, in every order. */
    private List<Runnable> events() {
        List<Runnable> events = new ArrayList<>();
        at(events, at -> failures.on(failed(1, "year_import", 1, "Not there"), at));
        at(events, at -> failures.on(skipped(1, "year_import", List.of())));
        at(events, at -> failures.on(failed(2, "year_import", 1, "Gone"), at));
        at(events, at -> failures.on(failed(2, "list:canon", 2, "Gone again"), at));
        at(events, at -> failures.on(failed(2, "year_import", 3, "Gone for good"), at));
        at(events, importing(events.size(), 2, "First title"));
        at(events, importing(events.size(), 2, "Second title"));
        at(events, importing(events.size(), 4, "Imported after a skip"));
        at(events, importing(events.size(), 1, "Imported at last"));
        at(events, at -> failures.on(failed(5, "year_import", 1, "Timeout"), at));
        return events;
    }

    private Consumer<Instant> importing(int index, int id, String title) {
        return at -> failures.on(imported(index, id, title));
    }

    private void at(List<Runnable> events, Consumer<Instant> handler) {
        Instant at = start.plusSeconds(events.size());
        events.add(() -> handler.accept(at));
    }
}
