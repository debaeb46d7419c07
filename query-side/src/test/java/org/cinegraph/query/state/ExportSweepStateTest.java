package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepFailed;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.query.answers.KeptAnswers;
import org.cinegraph.query.failures.ImportFailureRepository;
import org.cinegraph.query.movies.MovieRepository;
import org.cinegraph.query.skipped.SkippedImportRepository;
import org.cinegraph.query.state.ImportStateController.ExportSweep;
import org.cinegraph.query.state.ImportStateController.LastExportSweep;
import org.cinegraph.query.testing.BatchSizes;
import org.cinegraph.query.testing.Batches;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the import-state projection keeps of TMDb's export: TMDb's total from it, the sweep under way and the last
 * completed, and the movies recorded as removed; read back as {@code GET /api/import/state} answers them.
 */
class ExportSweepStateTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    /** The global index of each event, as the event store would give it. */
    private final Map<String, Long> stored = new HashMap<>();
    private final ImportStateProjection projection = new ImportStateProjection(jdbc, stored::get);
    private final ImportStateRepository state = ProjectionDatabase.repository(ImportStateRepository.class);
    private final ImportStateController controller = new ImportStateController(state,
            ProjectionDatabase.repository(MovieRepository.class), ProjectionDatabase.repository(
                    SkippedImportRepository.class), ProjectionDatabase.repository(ImportFailureRepository.class),
            KeptAnswers.readEachTime());

    @BeforeEach
    void startEmpty() {
        projection.reset();
    }

    @Test
    void discoversTotalAppliesOnlyUntilAnExportsIsRecorded() {
        projection.on(new TmdbTotalUpdated(1_000_000, "discover"), event(1), AT);
        assertThat(controller.state().tmdbTotalMovies()).isEqualTo(1_000_000);

        projection.on(new TmdbTotalUpdated(1_100_000, "export"), event(2), AT);
        projection.on(new TmdbTotalUpdated(1_050_000, "discover"), event(3), AT);
        assertThat(controller.state().tmdbTotalMovies()).as("discover's ignored after an export's")
                .isEqualTo(1_100_000);

        projection.on(new TmdbTotalUpdated(1_100_500, "export"), event(4), AT);
        assertThat(controller.state().tmdbTotalMovies()).isEqualTo(1_100_500);
    }

    /**
     * However late an event is applied (another order than the stream's), the total is the latest export's, as
     * applying them in the stream's order gives it.
     */
    @Test
    void theTotalIsTheSameInWhateverOrderTheEventsAreApplied() {
        List<Consumer<Void>> events = List.of(
                nothing -> projection.on(new TmdbTotalUpdated(900, "discover"), event(1), AT),
                nothing -> projection.on(new TmdbTotalUpdated(950, "discover"), event(2), AT.plusSeconds(2)),
                nothing -> projection.on(new TmdbTotalUpdated(1_000, "export"), event(3), AT.plusSeconds(3)),
                nothing -> projection.on(new TmdbTotalUpdated(990, "discover"), event(5), AT.plusSeconds(5)),
                nothing -> projection.on(new TmdbTotalUpdated(1_010, "export"), event(7), AT.plusSeconds(7)),
                nothing -> projection.on(new TmdbTotalUpdated(1_020, "discover"), event(8), AT.plusSeconds(8)));
        events.forEach(apply -> apply.accept(null));
        List<Map<String, Object>> inOrder = totalRows();
        assertThat(inOrder).extracting(row -> row.get("value")).containsExactly("1010", "export");

        for (List<Consumer<Void>> order : permutations(events)) {
            projection.reset();
            order.forEach(apply -> apply.accept(null));
            assertThat(totalRows()).isEqualTo(inOrder);
        }
    }

    @Test
    void theSweepShowsWhereItIsFromItsStartToItsCompletion() {
        assertThat(controller.state().exportSweep()).as("before any sweep").isNull();
        assertThat(controller.state().lastExportSweep()).isNull();

        projection.on(new ExportSweepStarted(MONDAY, ImportTrigger.SCHEDULE, false), event(1), AT);
        assertThat(controller.state().exportSweep())
                .isEqualTo(new ExportSweep("reading", MONDAY, AT, null, 0L, 0L, null));

        projection.on(new ExportRead(MONDAY, 1_100_010, 1_100_000, 1_090_000, 10, List.of(7L)), event(2), AT);
        projection.on(new ExportSweepProgressed(MONDAY, 5_000, 4_000, 120), event(3), AT.plusSeconds(60));
        assertThat(controller.state().exportSweep())
                .isEqualTo(new ExportSweep("sweeping", MONDAY, AT, 1_090_000L, 4_000L, 120L, null));
        assertThat(controller.state().lastExportSweep()).isNull();

        Instant completed = AT.plusSeconds(3_600);
        projection.on(new ExportSweepCompleted(MONDAY, 1_100_010, 1_090_000, 1_089_000, 1_000, 30, 2, 0, 10_900),
                event(4), completed);
        assertThat(controller.state().exportSweep())
                .isEqualTo(new ExportSweep("completed", MONDAY, AT, 1_090_000L, 1_090_000L, 1_000L, null));
        assertThat(controller.state().lastExportSweep()).isEqualTo(new LastExportSweep(MONDAY, completed, 1_090_000L,
                1_000L, 30L, 2L, 0L, 10_900L));
    }

    @Test
    void aFailedSweepShowsHowFarItGotAndWhyAndTheLastCompletedStays() {
        projection.on(new ExportSweepCompleted(MONDAY.minusDays(1), 900, 800, 800, 0, 0, 0, 0, 8), event(1), AT);
        projection.on(new ExportSweepStarted(MONDAY, ImportTrigger.ADMIN, false), event(2), AT.plusSeconds(1));
        projection.on(new ExportRead(MONDAY, 1_000, 950, 900, 0, List.of()), event(3), AT.plusSeconds(2));
        projection.on(new ExportSweepProgressed(MONDAY, 400, 350, 12), event(4), AT.plusSeconds(3));

        projection.on(new ExportSweepFailed(MONDAY, "TMDb answered 503 to every attempt."), event(5),
                AT.plusSeconds(4));

        assertThat(controller.state().exportSweep()).isEqualTo(new ExportSweep("failed", MONDAY, AT.plusSeconds(1),
                900L, 350L, 12L, "TMDb answered 503 to every attempt."));
        assertThat(controller.state().lastExportSweep().exportDate()).isEqualTo(MONDAY.minusDays(1));
        assertThat(state.values()).containsEntry(ImportStateKey.EXPORT_SWEEP_FAILURE,
                "TMDb answered 503 to every attempt.");

        // The next that finds no export at all never started: nothing of the one before is its own.
        projection.on(new ExportSweepFailed(null, "No export of TMDb's was found for the last 7 days."), event(6),
                AT.plusSeconds(5));
        assertThat(controller.state().exportSweep()).isEqualTo(new ExportSweep("failed", null, null, null, null,
                null, "No export of TMDb's was found for the last 7 days."));

        // A new sweep does not end the failure; one that completes does.
        projection.on(new ExportSweepStarted(MONDAY, ImportTrigger.ADMIN, false), event(7), AT.plusSeconds(6));
        assertThat(state.values()).containsKey(ImportStateKey.EXPORT_SWEEP_FAILURE);
        assertThat(controller.state().exportSweep().reason()).isNull();
        projection.on(new ExportSweepCompleted(MONDAY, 1_000, 900, 888, 12, 0, 0, 0, 9), event(8), AT.plusSeconds(7));
        assertThat(state.values()).doesNotContainKey(ImportStateKey.EXPORT_SWEEP_FAILURE);
    }

    @BatchSizes
    void theMoviesRemovedAndNotRestoredAreCountedInAnyBatches(int size) {
        List<Runnable> events = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            events.add(removal(id, MONDAY, id));
        }
        events.add(restoration(2, MONDAY.plusDays(1), 7));
        events.add(restoration(5, MONDAY.plusDays(1), 8));
        events.add(removal(2, MONDAY.plusDays(2), 9));

        projection.reset();
        Batches.apply(events, size);

        assertThat(state.removedFromTmdb()).isEqualTo(5);
        events.clear();
        for (int id = 1; id <= 6; id++) {
            events.add(restoration(id, MONDAY.plusDays(3), 10 + id));
        }
        events.remove(4);
        Batches.apply(events, size);
        assertThat(state.removedFromTmdb()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM import_state_counts").query(Long.class).single())
                .as("a count back at zero leaves no row").isZero();
    }

    @BatchSizes
    void aRemovalGivenAgainCountsOnce(int size) {
        Runnable removal = removal(1, MONDAY, 1);

        Batches.apply(List.of(removal, removal(2, MONDAY, 2), removal, removal), size);

        assertThat(state.removedFromTmdb()).isEqualTo(2);
    }

    @BatchSizes
    void aRemovalGivenAgainAfterItsRestorationChangesNothing(int size) {
        Runnable removal = removal(1, MONDAY, 1);

        Batches.apply(List.of(removal, removal(2, MONDAY, 2), restoration(1, MONDAY.plusDays(1), 3), removal), size);

        assertThat(state.removedFromTmdb()).isEqualTo(1);
        assertThat(removals()).containsExactly("1 restored at 3", "2 removed at 2");
    }

    @BatchSizes
    void aRestorationGivenAgainTakesTheMovieOnce(int size) {
        Runnable restoration = restoration(1, MONDAY.plusDays(1), 3);

        Batches.apply(List.of(removal(1, MONDAY, 1), removal(2, MONDAY, 2), restoration, restoration), size);
        assertThat(state.removedFromTmdb()).isEqualTo(1);

        Batches.apply(List.of(restoration), size);
        assertThat(state.removedFromTmdb()).isEqualTo(1);
    }

    /** A restoration given again after a later removal of the movie leaves it removed, and counted once. */
    @BatchSizes
    void aRestorationGivenAgainAfterALaterRemovalChangesNothing(int size) {
        Runnable restoration = restoration(1, MONDAY.plusDays(1), 2);

        Batches.apply(List.of(removal(1, MONDAY, 1), restoration, removal(1, MONDAY.plusDays(2), 3), restoration),
                size);

        assertThat(state.removedFromTmdb()).isEqualTo(1);
        assertThat(removals()).containsExactly("1 removed at 3");
    }

    /** The movies removed before the projection recorded removals were counted without a row: restored, they go. */
    @Test
    void aRestorationOfAMovieCountedBeforeRemovalsWereRecordedTakesItFromTheCount() {
        jdbc.sql("INSERT INTO import_state_counts (counter, movies) VALUES ('removed_from_tmdb', 2)").update();

        restoration(1, MONDAY, 5).run();
        restoration(1, MONDAY, 5).run();

        assertThat(state.removedFromTmdb()).isEqualTo(1);
    }

    private Runnable removal(int tmdbId, LocalDate exportDate, long globalIndex) {
        String id = event(globalIndex);
        return () -> projection.on(new MovieRemovedFromTmdb(tmdbId, exportDate), id, AT.plusSeconds(globalIndex));
    }

    private Runnable restoration(int tmdbId, LocalDate exportDate, long globalIndex) {
        String id = event(globalIndex);
        return () -> projection.on(new MovieRestoredOnTmdb(tmdbId, exportDate), id);
    }

    /** Each movie's recorded last event: the movie, removed or restored, and the event's global index. */
    private List<String> removals() {
        return jdbc.sql("""
                        SELECT tmdb_id || CASE WHEN removed_at IS NULL THEN ' restored' ELSE ' removed' END
                               || ' at ' || position
                          FROM import_state_removal ORDER BY tmdb_id""")
                .query(String.class).list();
    }

    private List<Map<String, Object>> totalRows() {
        return jdbc.sql("""
                        SELECT key, value, position, updated_at FROM import_state
                         WHERE key IN ('tmdb_total_movies', 'tmdb_total_source') ORDER BY key""")
                .query().listOfRows();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    /** The identifier of an event stored at the given global index. */
    private String event(long globalIndex) {
        String id = "event-" + globalIndex;
        stored.put(id, globalIndex);
        return id;
    }
}
