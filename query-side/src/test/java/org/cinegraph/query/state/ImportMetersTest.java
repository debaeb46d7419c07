package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.query.progress.YearProgressRepository;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cinegraph.export.sweep.progress} from what the import-state projection keeps of the sweep. */
class ImportMetersTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<String, Long> stored = new HashMap<>();
    private final ImportStateProjection projection = new ImportStateProjection(ProjectionDatabase.jdbc(), stored::get);
    private final ImportStateRepository state = ProjectionDatabase.repository(ImportStateRepository.class);
    private final YearProgressRepository years = ProjectionDatabase.repository(YearProgressRepository.class);

    @BeforeEach
    void startEmpty() {
        projection.reset();
    }

    @Test
    void theSweepsProgressIsTheShareOfTheCountedIdsItWentThrough() {
        assertThat(sweepProgress()).as("before any sweep").isNaN();

        projection.on(new ExportSweepStarted(MONDAY, ImportTrigger.SCHEDULE, false), event(1), AT);
        assertThat(sweepProgress()).as("its export not read yet").isNaN();

        projection.on(new ExportRead(MONDAY, 1_010, 1_000, 800, 0, List.of()), event(2), AT);
        projection.on(new ExportSweepProgressed(MONDAY, 5_000, 200, 12), event(3), AT.plusSeconds(60));
        assertThat(sweepProgress()).isEqualTo(0.25);

        projection.on(new ExportSweepCompleted(MONDAY, 1_010, 800, 800, 12, 0, 0, 0, 8), event(4), AT);
        assertThat(sweepProgress()).isEqualTo(1.0);
    }

    /** Read through meters of their own: those of a registry read their database once a second at most. */
    private double sweepProgress() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ImportMeters(state, years, meters);
        return meters.get("cinegraph.export.sweep.progress").gauge().value();
    }

    private String event(long globalIndex) {
        String id = "event-" + globalIndex;
        stored.put(id, globalIndex);
        return id;
    }
}
