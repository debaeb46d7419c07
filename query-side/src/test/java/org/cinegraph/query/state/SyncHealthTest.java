package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.query.progress.YearProgress;
import org.junit.jupiter.api.Test;

/** The sync's health on a fixture clock: each {@code NOW} below is the moment the question is asked. */
class SyncHealthTest {

    private static final ImportSchedule DAILY_AT_TWO = new ImportSchedule(true, "0 0 2 * * *", true, Duration.ofHours(4));
    private static final Instant LAST_RUN = Instant.parse("2026-11-20T02:00:01Z");

    @Test
    void aDailyRunOnTimeIsOk() {
        SyncHealth.View health = judge(Instant.parse("2026-11-20T14:00:01Z"), ranAt(LAST_RUN), List.of());

        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.hoursSinceLastSync()).isEqualTo(12.0);
        assertThat(health.message()).contains("last ran at 2026-11-20T02:00:01Z").contains("2026-11-21T02:00:00Z");
    }

    @Test
    void aDailyRunOverTwentyFourHoursLateIsAWarningAndOverThirtySixAnError() {
        // Due again at 02:00 on the 21st.
        assertThat(judge(Instant.parse("2026-11-22T01:59:00Z"), ranAt(LAST_RUN), List.of()).status()).isEqualTo("ok");
        SyncHealth.View late = judge(Instant.parse("2026-11-22T02:30:00Z"), ranAt(LAST_RUN), List.of());
        assertThat(late.status()).isEqualTo("warning");
        assertThat(late.message()).startsWith("The daily import is 24 hours late");
        assertThat(late.hoursSinceLastSync()).isEqualTo(48.5);

        SyncHealth.View veryLate = judge(Instant.parse("2026-11-22T14:30:00Z"), ranAt(LAST_RUN), List.of());
        assertThat(veryLate.status()).isEqualTo("error");
        assertThat(veryLate.message()).startsWith("The daily import is 36 hours late");
    }

    @Test
    void aStalledYearIsAWarningThatSaysWhatHappensNext() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        YearProgress stalled = importing(2024, Instant.parse("2026-11-20T04:30:00Z"));

        SyncHealth.View health = judge(now, ranAt(LAST_RUN), List.of(stalled));

        assertThat(health.status()).isEqualTo("warning");
        assertThat(health.message()).startsWith("The import of 2024 has made no progress since 2026-11-20T04:30:00Z "
                + "(4 hours); the next daily run resumes it");
    }

    @Test
    void aYearWithRecentProgressIsNotStalled() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(judge(now, ranAt(LAST_RUN), List.of(importing(2024, now.minusSeconds(60)))).status())
                .isEqualTo("ok");
    }

    @Test
    void rejectedCredentialsAreAnErrorWhateverElseIsWrong() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        state.put(ImportStateKey.CHANGE_SYNC_FAILURE, "TMDb rejected the configured credentials (HTTP 401).");
        state.put(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED, "true");

        SyncHealth.View health = judge(Instant.parse("2026-11-20T09:00:00Z"), state,
                List.of(importing(2024, Instant.parse("2026-11-20T01:00:00Z"))));

        assertThat(health.status()).isEqualTo("error");
        assertThat(health.message()).startsWith("The last delta sync from TMDb's change feed failed: TMDb rejected")
                .contains("The import of 2024 has made no progress");
    }

    @Test
    void aFailedYearIsAnErrorWithItsReason() {
        YearProgress failed = new YearProgress(2023, "failed", 300, 20, 10, 10, 0, 15, 1, LAST_RUN, null,
                "TMDb rejected the configured credentials (HTTP 401).", LAST_RUN);

        SyncHealth.View health = judge(Instant.parse("2026-11-20T09:00:00Z"), ranAt(LAST_RUN), List.of(failed));

        assertThat(health.status()).isEqualTo("error");
        assertThat(health.message()).startsWith("The import of 2023 failed: TMDb rejected the configured credentials");
    }

    @Test
    void aScheduleThatNeverRanIsOkAndSaysWhenItRuns() {
        SyncHealth.View health = judge(Instant.parse("2026-11-20T09:00:00Z"), new EnumMap<>(ImportStateKey.class),
                List.of());

        assertThat(health).isEqualTo(new SyncHealth.View("ok",
                "The daily import has not run yet; it runs next at 2026-11-21T02:00:00Z.", null));
    }

    @Test
    void aScheduleSwitchedOffIsNeverLate() {
        ImportSchedule off = new ImportSchedule(false, "0 0 2 * * *", true, Duration.ofHours(4));

        SyncHealth.View health = SyncHealth.judge(Instant.parse("2026-12-20T09:00:00Z"), off, ranAt(LAST_RUN),
                List.of());

        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.message()).contains("cinegraph.schedule.enabled=false");
    }

    @Test
    void removalsWithheldByTheLastCompletedSweepAreAWarningThatSaysHowToConfirmThem() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        completedSweep(state, "2026-11-19", 0);
        assertThat(judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of()).status()).isEqualTo("ok");

        completedSweep(state, "2026-11-20", 12_345);
        SyncHealth.View health = judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo("warning");
        assertThat(health.message()).startsWith("The sweep of TMDb's export of 2026-11-20 found 12345 movies of the "
                        + "catalogue that the export no longer lists, more than the 1000 one sweep records as removed")
                .contains("confirm with POST /api/admin/catalogue/sweep?confirmRemovals=true.")
                .contains("The daily import last ran at");
    }

    @Test
    void aFailedSweepIsAWarningWithItsReason() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        state.put(ImportStateKey.EXPORT_SWEEP_FAILURE, "TMDb's export of 2026-11-20 was cut short after 812 lines.");

        SyncHealth.View health = judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo("warning");
        assertThat(health.message()).startsWith("The last sweep of TMDb's export failed: TMDb's export of 2026-11-20 "
                + "was cut short after 812 lines. The next sweep");
    }

    @Test
    void anErrorComesBeforeTheSweepsWarnings() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        completedSweep(state, "2026-11-20", 5_000);
        state.put(ImportStateKey.EXPORT_SWEEP_FAILURE, "No export of TMDb's was found for the last 7 days.");

        SyncHealth.View health = judge(Instant.parse("2026-11-22T14:30:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo("error");
        assertThat(health.message()).startsWith("The daily import is 36 hours late")
                .contains("found 5000 movies").contains("No export of TMDb's was found");
    }

    private static void completedSweep(Map<ImportStateKey, String> state, String exportDate, long withheld) {
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_DATE, exportDate);
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD, Long.toString(withheld));
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT, "1000");
    }

    private static SyncHealth.View judge(Instant now, Map<ImportStateKey, String> state, List<YearProgress> years) {
        return SyncHealth.judge(now, DAILY_AT_TWO, state, years);
    }

    private static Map<ImportStateKey, String> ranAt(Instant lastRun) {
        Map<ImportStateKey, String> state = new EnumMap<>(ImportStateKey.class);
        state.put(ImportStateKey.LAST_DAILY_RUN, lastRun.toString());
        return state;
    }

    private static YearProgress importing(int year, Instant lastProgressAt) {
        return new YearProgress(year, "importing", 300, 100, 50, 10, 0, 15, 5, lastProgressAt.minusSeconds(600), null,
                null, lastProgressAt);
    }
}
