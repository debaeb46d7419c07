package org.cinegraph.query.skipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.query.testing.MovieOutcomes.imported;
import static org.cinegraph.query.testing.MovieOutcomes.skipped;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.Batches.Table;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.cinegraph.query.testing.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The skipped-imports projection writes a batch's rows together, the last write per key, and counts them as it
 * writes them; whatever the batches, the tables must hold exactly what applying each event on its own gives, and
 * the count what counting the rows gives.
 */
class SkippedImportBatchesTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final SkippedImportsProjection skips = new SkippedImportsProjection(jdbc, new ObjectMapper());

    @BatchSizes
    void anyBatchesGiveTheRowsOfOneEventAtATime(int size) {
        List<String> oneByOne = Batches.sameRowsInBatchesOf(size, events(), skips::reset,
                new Table("skipped_imports", "tmdb_id"), new Table("skipped_import_counts", "counter"));

        assertThat(oneByOne.get(0)).contains("{vote_count}").contains("{}").doesNotContain("Movie 1");
        assertThat(oneByOne.get(1)).as("movies 3 and 4, skipped; 1 imported since").isEqualTo("(skipped,2)");
    }

    /** Movies skipped, imported, and skipped again after their import. */
    private List<Runnable> events() {
        Timeline events = new Timeline(Instant.parse("2026-11-23T10:00:00Z"));
        events.then(at -> skips.on(skipped(1, "year_import", List.of("vote_count", "popularity")), at));
        events.then(at -> skips.on(imported(2, "First title")));
        events.then(at -> skips.on(imported(2, "Second title")));
        events.then(at -> skips.on(skipped(3, "year_import", List.of()), at));
        events.then(at -> skips.on(skipped(4, "year_import", List.of("runtime")), at));
        events.then(at -> skips.on(imported(4, "Imported after a skip")));
        events.then(at -> skips.on(skipped(4, "year_import", List.of("vote_count")), at));
        events.then(at -> skips.on(imported(1, "Imported at last")));
        return events.calls();
    }
}
