package org.cinegraph.query.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.failed;
import static org.cinegraph.query.testing.MovieOutcomes.imported;
import static org.cinegraph.query.testing.MovieOutcomes.skipped;

import java.time.Instant;
import java.util.List;
import org.cinegraph.events.MovieImported;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.Batches.Table;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.testing.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import-failures projection writes a batch's rows together, the last write per key, and keeps the movies whose
 * last outcome is a failure, counted; whatever the batches, the tables must hold exactly what applying each event on
 * its own gives.
 */
class ImportFailureBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final ImportFailuresProjection failures = new ImportFailuresProjection(jdbc);

    @BatchSizes
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), failures::reset,
                new Table("import_failures", "source, tmdb_id"), new Table("failed_movies", "tmdb_id"),
                new Table("import_failure_counts", "counter"));

        assertThat(oneByOne.get(0)).contains("list:canon").contains("Gone again");
        assertThat(oneByOne.get(1)).as("each movie whose last outcome is a failure, once, from any source")
                .isEqualTo("(5)\n(6)\n(7)");
        assertThat(oneByOne.get(2)).isEqualTo("(failed,3)");
    }

    /**
     * Movies failed, then skipped, imported or failed again, from two sources; failed from two sources and
     * imported from a third; failed twice, or from two sources, and nothing since.
     */
    private List<Runnable> events() {
        Timeline events = new Timeline(Instant.parse("2026-11-23T10:00:00Z"));
        events.then(at -> failures.on(failed(1, "year_import", 1, "Not there"), at));
        events.then(at -> failures.on(skipped(1, "year_import", List.of())));
        events.then(at -> failures.on(failed(2, "year_import", 1, "Gone"), at));
        events.then(at -> failures.on(failed(2, "list:canon", 2, "Gone again"), at));
        events.then(at -> failures.on(failed(2, "year_import", 3, "Gone for good"), at));
        events.then(at -> failures.on(imported(2, "First title")));
        events.then(at -> failures.on(imported(2, "Second title")));
        events.then(at -> failures.on(imported(4, "Imported after a skip")));
        events.then(at -> failures.on(imported(1, "Imported at last")));
        events.then(at -> failures.on(failed(5, "year_import", 1, "Timeout"), at));
        events.then(at -> failures.on(failed(6, "year_import", 1, "Gone"), at));
        events.then(at -> failures.on(failed(6, "list:canon", 2, "Gone again"), at));
        events.then(at -> failures.on(failed(7, "year_import", 1, "Timeout"), at));
        events.then(at -> failures.on(failed(7, "year_import", 2, "Timeout again"), at));
        events.then(at -> failures.on(failed(8, "festival:AMPAS", 1, "Gone"), at));
        events.then(at -> failures.on(failed(8, "list:canon", 2, "Gone again"), at));
        events.then(at -> failures.on(new MovieImported(8, "tt8", "Found by the export", null, null, "export",
                "{\"id\": 8}")));
        return events.calls();
    }
}
