package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running year whose node stopped renewing its claim is taken over by a live node on its own, with no trigger
 * (the schedule is off): the way a node killed mid-year is replaced between two daily runs. A year that makes no
 * progress is taken over by the next trigger, even from a node that still holds it.
 */
class ClaimTakeoverTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

    @TempDir
    Path dataDir;

    @Test
    void aYearWhoseClaimRanOutIsTakenOverAndCompleted() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir, "cinegraph.import.lease=PT3S")) {
            JdbcClient jdbc = app.jdbc();
            startPausedYear(app);

            // As if a node that had claimed it was killed: its claim ran out a moment ago.
            jdbc.sql("""
                            UPDATE import_ledger_run SET owner = 'killed-node', lease_until = clock_timestamp()
                             WHERE year = :year""")
                    .param("year", YEAR).update();

            await().atMost(Duration.ofSeconds(60)).until(() -> !StoredEvents.of(jdbc, "YearImportCompleted").isEmpty());
            assertThat(StoredEvents.of(jdbc, "YearImportStarted")).hasSize(1);
            assertThat(StoredEvents.of(jdbc, "ImportTriggered")).as("no trigger was involved").isEmpty();
        }
    }

    @Test
    void aStalledYearIsTakenOverByTheNextTriggerEvenFromANodeThatStillRenewsItsClaim() throws Exception {
        try (RunningApp app = RunningApp.start("cinegraph.data-dir=" + dataDir, "cinegraph.import.stall-after=PT5S",
                "cinegraph.import.first-year=" + YEAR, "cinegraph.import.last-year=" + YEAR)) {
            JdbcClient jdbc = app.jdbc();
            startPausedYear(app);
            // Held by a node that is alive (its claim good for an hour) but has recorded nothing for a minute.
            jdbc.sql("""
                            UPDATE import_ledger_run SET owner = 'stuck-node', lease_until = now() + interval '1 hour',
                                   progressed_at = now() - interval '1 minute'
                             WHERE year = :year""")
                    .param("year", YEAR).update();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.json(app.get("/api/import/years/" + YEAR))
                    .get("status").asText().equals("stalled"));

            var resumed = app.postAsAdmin("/api/admin/imports/next");
            assertThat(resumed.statusCode()).isEqualTo(202);
            assertThat(app.json(resumed).get("action").asText()).isEqualTo("resume_year");

            await().atMost(Duration.ofSeconds(60)).until(() -> !StoredEvents.of(jdbc, "YearImportCompleted").isEmpty());
            assertThat(StoredEvents.of(jdbc, "YearImportStarted")).hasSize(1);
        }
    }

    /** Starts the year while TMDb is down, so that it pauses with no node holding it; TMDb is up again after. */
    private static void startPausedYear(RunningApp app) throws Exception {
        TmdbSandboxServer sandbox = app.context().getBean(TmdbSandboxServer.class);
        sandbox.faults().failAlways(503);
        try {
            assertThat(app.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.jdbc().sql(
                    "SELECT count(*) FROM import_ledger_run WHERE year = :year AND owner IS NULL")
                    .param("year", YEAR).query(Integer.class).single() == 1);
        } finally {
            sandbox.faults().reset();
        }
    }
}
