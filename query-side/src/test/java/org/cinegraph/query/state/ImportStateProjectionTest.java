package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ImportStateProjectionTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    /** The global index of each event, as the event store would give it. */
    private final Map<String, Long> stored = new HashMap<>();
    private final ImportStateProjection projection = new ImportStateProjection(jdbc, stored::get);
    private final ImportStateRepository state = ProjectionDatabase.repository(ImportStateRepository.class);
    private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void startEmpty() {
        projection.reset();
    }

    @Test
    void theCurrentImportYearIsTheLastStartedInTheEventStream() {
        projection.on(new YearImportStarted(2026, ImportTrigger.SCHEDULE), event(1), at);
        projection.on(new YearImportStarted(2025, ImportTrigger.SCHEDULE), event(2), at);

        assertThat(state.values()).containsExactly(Map.entry(ImportStateKey.CURRENT_IMPORT_YEAR, "2025"));
    }

    @Test
    void anOlderEventAppliedLaterByAnotherSegmentDoesNotMoveTheValueBack() {
        projection.on(new YearImportStarted(2025, ImportTrigger.ADMIN), event(9), at);
        projection.on(new YearImportStarted(2026, ImportTrigger.ADMIN), event(4), at);

        assertThat(state.values()).containsEntry(ImportStateKey.CURRENT_IMPORT_YEAR, "2025");
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        YearImportStarted started = new YearImportStarted(2024, ImportTrigger.ADMIN);
        projection.on(started, event(7), at);
        Map<String, Object> once = row();

        projection.on(started, event(7), at.plusSeconds(60));

        assertThat(row()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheTable() {
        projection.on(new YearImportStarted(2024, ImportTrigger.ADMIN), event(1), at);

        projection.reset();

        assertThat(state.values()).isEmpty();
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM import_state WHERE key = 'current_import_year'").query().singleRow();
    }

    /** The identifier of an event stored at the given global index. */
    private String event(long globalIndex) {
        String id = "event-" + globalIndex;
        stored.put(id, globalIndex);
        return id;
    }
}
