package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cinegraph.kernel.settings.HealthThresholds;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.query.progress.YearProgress;
import org.junit.jupiter.api.Test;

/** The sync's health on a fixture clock: each {@code NOW} below is the moment the question is asked. */
class SyncHealthTest {

    private static final ImportSchedule DAILY_AT_TWO = new ImportSchedule(true, "0 0 2 * * *", true, Duration.ofHours(4));
    private static final HealthThresholds DEFAULTS = new HealthThresholds(Duration.ofHours(24), Duration.ofHours(36));
    private static final Instant LAST_RUN = Instant.parse("2026-11-20T02:00:01Z");

    @Test
    void aDailyRunOnTimeIsOk() {
        HealthReport health = judge(Instant.parse("2026-11-20T14:00:01Z"), ranAt(LAST_RUN), List.of());

        assertThat(health.status()).isEqualTo(HealthStatus.ok);
        assertThat(health.hoursSinceLastSync()).isEqualTo(12.0);
        assertThat(health.message()).contains("last ran at 2026-11-20T02:00:01Z").contains("2026-11-21T02:00:00Z");
    }

    @Test
    void aDailyRunTwentyThreeHoursAgoIsOk() {
        assertThat(judge(LAST_RUN.plus(Duration.ofHours(23)), ranAt(LAST_RUN), List.of()).status())
                .isEqualTo(HealthStatus.ok);
    }

    @Test
    void aDailyRunTwentyFiveHoursAgoIsAWarning() {
        HealthReport late = judge(LAST_RUN.plus(Duration.ofHours(25)), ranAt(LAST_RUN), List.of());

        assertThat(late.status()).isEqualTo(HealthStatus.warning);
        assertThat(late.message()).startsWith("The daily import last ran 25 hours ago, at 2026-11-20T02:00:01Z, over "
                + "the 24 hours allowed; it was due again at 2026-11-21T02:00:00Z.");
        assertThat(late.hoursSinceLastSync()).isEqualTo(25.0);
    }

    @Test
    void aDailyRunThirtyFiveHoursAgoIsStillAWarning() {
        assertThat(judge(LAST_RUN.plus(Duration.ofHours(35)), ranAt(LAST_RUN), List.of()).status())
                .isEqualTo(HealthStatus.warning);
    }

    @Test
    void aDailyRunThirtySevenHoursAgoIsAnError() {
        HealthReport veryLate = judge(LAST_RUN.plus(Duration.ofHours(37)), ranAt(LAST_RUN), List.of());

        assertThat(veryLate.status()).isEqualTo(HealthStatus.error);
        assertThat(veryLate.message()).startsWith("The daily import last ran 37 hours ago, at 2026-11-20T02:00:01Z, "
                + "over the 36 hours allowed");
    }

    @Test
    void theThresholdsAreTheConfiguredOnes() {
        HealthThresholds tight = new HealthThresholds(Duration.ofHours(2), Duration.ofHours(3));
        Instant now = LAST_RUN.plus(Duration.ofMinutes(150));

        assertThat(SyncHealth.judge(now, DAILY_AT_TWO, tight, ranAt(LAST_RUN), List.of()).status())
                .isEqualTo(HealthStatus.warning);
        assertThat(SyncHealth.judge(now.plus(Duration.ofHours(1)), DAILY_AT_TWO, tight, ranAt(LAST_RUN), List.of())
                .status()).isEqualTo(HealthStatus.error);
    }

    @Test
    void aStalledYearIsAWarningThatSaysWhatHappensNext() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        YearProgress stalled = importing(2024, Instant.parse("2026-11-20T04:30:00Z"));

        HealthReport health = judge(now, ranAt(LAST_RUN), List.of(stalled));

        assertThat(health.status()).isEqualTo(HealthStatus.warning);
        assertThat(health.message()).startsWith("The import of 2024 has made no progress since 2026-11-20T04:30:00Z "
                + "(4 hours); the next daily run resumes it");
    }

    @Test
    void aYearWithRecentProgressIsNotStalled() {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(judge(now, ranAt(LAST_RUN), List.of(importing(2024, now.minusSeconds(60)))).status())
                .isEqualTo(HealthStatus.ok);
    }

    @Test
    void rejectedCredentialsAreAnErrorWhateverElseIsWrong() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        state.put(ImportStateKey.CHANGE_SYNC_FAILURE, "TMDb rejected the configured credentials (HTTP 401).");
        state.put(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED, "true");

        HealthReport health = judge(Instant.parse("2026-11-20T09:00:00Z"), state,
                List.of(importing(2024, Instant.parse("2026-11-20T01:00:00Z"))));

        assertThat(health.status()).isEqualTo(HealthStatus.error);
        assertThat(health.message()).startsWith("The last delta sync from TMDb's change feed failed: TMDb rejected")
                .contains("The import of 2024 has made no progress");
    }

    @Test
    void aFailedYearIsAnErrorWithItsReason() {
        YearProgress failed = new YearProgress(2023, "failed", 300, 20, 10, 10, 0, 15, 1, LAST_RUN, null,
                "TMDb rejected the configured credentials (HTTP 401).", LAST_RUN);

        HealthReport health = judge(Instant.parse("2026-11-20T09:00:00Z"), ranAt(LAST_RUN), List.of(failed));

        assertThat(health.status()).isEqualTo(HealthStatus.error);
        assertThat(health.message()).startsWith("The import of 2023 failed: TMDb rejected the configured credentials");
    }

    @Test
    void aScheduleThatNeverRanIsOkAndSaysWhenItRuns() {
        HealthReport health = judge(Instant.parse("2026-11-20T09:00:00Z"), new EnumMap<>(ImportStateKey.class),
                List.of());

        assertThat(health).isEqualTo(new HealthReport(HealthStatus.ok,
                "The daily import has not run yet; it runs next at 2026-11-21T02:00:00Z.", null));
    }

    @Test
    void aScheduleSwitchedOffIsNeverLate() {
        ImportSchedule off = new ImportSchedule(false, "0 0 2 * * *", true, Duration.ofHours(4));

        HealthReport health = SyncHealth.judge(Instant.parse("2026-12-20T09:00:00Z"), off, DEFAULTS, ranAt(LAST_RUN),
                List.of());

        assertThat(health.status()).isEqualTo(HealthStatus.ok);
        assertThat(health.message()).contains("cinegraph.schedule.enabled=false");
    }

    @Test
    void removalsWithheldByTheLastCompletedSweepAreAWarningThatSaysHowToConfirmThem() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        completedSweep(state, "2026-11-19", 0);
        assertThat(judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of()).status()).isEqualTo(HealthStatus.ok);

        completedSweep(state, "2026-11-20", 12_345);
        HealthReport health = judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo(HealthStatus.warning);
        assertThat(health.message()).startsWith("The sweep of TMDb's export of 2026-11-20 found 12345 movies of the "
                        + "catalogue that the export no longer lists, more than the 1000 one sweep records as removed")
                .contains("confirm with POST /api/admin/catalogue/sweep?confirmRemovals=true.")
                .contains("The daily import last ran at");
    }

    @Test
    void aFailedSweepIsAWarningWithItsReason() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        state.put(ImportStateKey.EXPORT_SWEEP_FAILURE, "TMDb's export of 2026-11-20 was cut short after 812 lines.");

        HealthReport health = judge(Instant.parse("2026-11-20T09:00:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo(HealthStatus.warning);
        assertThat(health.message()).startsWith("The last sweep of TMDb's export failed: TMDb's export of 2026-11-20 "
                + "was cut short after 812 lines. The next sweep");
    }

    @Test
    void anErrorComesBeforeTheSweepsWarnings() {
        Map<ImportStateKey, String> state = ranAt(LAST_RUN);
        completedSweep(state, "2026-11-20", 5_000);
        state.put(ImportStateKey.EXPORT_SWEEP_FAILURE, "No export of TMDb's was found for the last 7 days.");

        HealthReport health = judge(Instant.parse("2026-11-22T14:30:00Z"), state, List.of());

        assertThat(health.status()).isEqualTo(HealthStatus.error);
        assertThat(health.message()).startsWith("The daily import last ran 60 hours ago")
                .contains("found 5000 movies").contains("No export of TMDb's was found");
    }

    private static void completedSweep(Map<ImportStateKey, String> state, String exportDate, long withheld) {
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_DATE, exportDate);
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD, Long.toString(withheld));
        state.put(ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT, "1000");
    }

    private static HealthReport judge(Instant now, Map<ImportStateKey, String> state, List<YearProgress> years) {
        return SyncHealth.judge(now, DAILY_AT_TWO, DEFAULTS, state, years);
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
