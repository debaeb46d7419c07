package org.cinegraph.query.state;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cinegraph.kernel.settings.HealthThresholds;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.query.progress.YearProgress;
import org.springframework.scheduling.support.CronExpression;

/**
 * Judges whether the unattended import is healthy, and says so in words a person understands: {@code error}
 * when the last daily run is older than {@code cinegraph.health.error-after} (36 hours by default), a year failed
 * or TMDb refuses the credentials, {@code warning} when the last run is older than {@code warn-after} (24 hours), a
 * year is stalled, the last delta sync failed, the last sweep of TMDb's export failed or the last completed one
 * withheld its removals, else {@code ok}. A run's age counts from when it ran, not from when the next was due: a
 * daily run missed once is a warning a day after the last one, as the system this one replaces said it.
 */
final class SyncHealth {

    private SyncHealth() {
    }

    static HealthReport judge(Instant now, ImportSchedule schedule, HealthThresholds thresholds,
                              Map<ImportStateKey, String> state, List<YearProgress> years) {
        List<Finding> findings = new ArrayList<>();
        Instant lastRun = instant(state.get(ImportStateKey.LAST_DAILY_RUN));
        Double hoursSince = lastRun == null ? null
                : Math.round(Duration.between(lastRun, now).toMinutes() / 6.0) / 10.0;
        CronExpression cron = CronExpression.parse(schedule.dailyImportCron());

        for (YearProgress year : years) {
            YearProgress current = year.asOf(now, schedule.stallAfter());
            if ("failed".equals(current.status())) {
                findings.add(new Finding(HealthStatus.error, "The import of " + current.year() + " failed: "
                        + current.failureReason() + " Fix it, then start the year again.", 0));
            } else if ("stalled".equals(current.status())) {
                findings.add(new Finding(HealthStatus.warning, "The import of " + current.year()
                        + " has made no progress since " + current.lastProgressAt() + " ("
                        + hours(Duration.between(current.lastProgressAt(), now)) + "); the next daily run resumes it, "
                        + "or start the year again now.", 1));
            }
        }
        String syncFailure = state.get(ImportStateKey.CHANGE_SYNC_FAILURE);
        if (syncFailure != null) {
            boolean credentials = "true".equals(state.get(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED));
            findings.add(new Finding(credentials ? HealthStatus.error : HealthStatus.warning,
                    "The last delta sync from TMDb's change feed failed: " + syncFailure
                            + (credentials ? "" : " The next daily run tries again."), credentials ? 0 : 2));
        }
        exportSweepFindings(state, findings);
        if (!schedule.enabled()) {
            findings.add(new Finding(HealthStatus.ok, "The daily schedule is off on this node "
                    + "(cinegraph.schedule.enabled=false): imports run when an admin starts them.", 3));
        } else if (lastRun == null) {
            findings.add(new Finding(HealthStatus.ok, "The daily import has not run yet; it runs next at "
                    + next(cron, now) + ".", 3));
        } else {
            Duration age = Duration.between(lastRun, now);
            if (age.compareTo(thresholds.warnAfter()) > 0) {
                HealthStatus status = age.compareTo(thresholds.errorAfter()) > 0 ? HealthStatus.error
                        : HealthStatus.warning;
                findings.add(new Finding(status, "The daily import last ran " + hours(age) + " ago, at " + lastRun
                        + ", over the " + hours(status == HealthStatus.error ? thresholds.errorAfter()
                        : thresholds.warnAfter()) + " allowed; it was due again at " + next(cron, lastRun)
                        + ". Check that a node runs with the schedule on and can reach its database.", 0));
            } else {
                findings.add(new Finding(HealthStatus.ok, "The daily import last ran at " + lastRun + " ("
                        + hours(Duration.between(lastRun, now)) + " ago); it runs next at " + next(cron, now) + ".",
                        3));
            }
        }
        findings.sort(Comparator.comparing((Finding finding) -> finding.status).reversed()
                .thenComparingInt(finding -> finding.order));
        HealthStatus worst = findings.isEmpty() ? HealthStatus.ok : findings.get(0).status;
        String message = String.join(" ", findings.stream().map(finding -> finding.message).toList());
        return new HealthReport(worst, message, hoursSince);
    }

    /**
     * A warning while the last completed sweep of TMDb's export found more removals than one sweep records without
     * an admin's confirmation (until a later one completes without withholding any), and while the last sweep
     * failed (until a later one completes).
     */
    private static void exportSweepFindings(Map<ImportStateKey, String> state, List<Finding> findings) {
        String withheld = state.get(ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD);
        if (withheld != null && Long.parseLong(withheld) > 0) {
            findings.add(new Finding(HealthStatus.warning, "The sweep of TMDb's export of "
                    + state.get(ImportStateKey.LAST_EXPORT_SWEEP_DATE) + " found " + withheld + " movies of the "
                    + "catalogue that the export no longer lists, more than the "
                    + state.get(ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT) + " one sweep records as removed, "
                    + "and recorded none of them. Check that TMDb really removed them, then confirm with POST "
                    + "/api/admin/catalogue/sweep?confirmRemovals=true.", 2));
        }
        String failure = state.get(ImportStateKey.EXPORT_SWEEP_FAILURE);
        if (failure != null) {
            findings.add(new Finding(HealthStatus.warning, "The last sweep of TMDb's export failed: " + failure
                    + " The next sweep (after the next daily run, or POST /api/admin/catalogue/sweep) reads the "
                    + "export again.", 2));
        }
    }

    /**
     * An error naming the tables that are missing and those that lost their rows, before what was judged without
     * them ({@code judged}, null when the import could not be judged).
     */
    static HealthReport withLostTables(List<String> missing, List<String> lostRows, HealthReport judged) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add((missing.size() == 1 ? "Table " + missing.get(0) + " is missing" : "Tables "
                    + String.join(", ", missing) + " are missing") + ": what needs it fails until it is rebuilt.");
        }
        if (!lostRows.isEmpty()) {
            parts.add((lostRows.size() == 1 ? "Table " + lostRows.get(0) + " has" : "Tables "
                    + String.join(", ", lostRows) + " have") + " lost rows the events say it holds: stop the imports "
                    + "and rebuild it now, or what needs it records again what it held.");
        }
        parts.add("POST /api/admin/tables/{name}/rebuild or a restart of the node brings it back; GET /api/admin/tables "
                + "lists them.");
        if (judged != null) {
            parts.add(judged.message());
        }
        return new HealthReport(HealthStatus.error, String.join(" ", parts), judged == null ? null
                : judged.hoursSinceLastSync());
    }

    private static Instant next(CronExpression cron, Instant after) {
        ZonedDateTime next = cron.next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 120) {
            return minutes + " minutes";
        }
        return (minutes / 60) + " hours";
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private record Finding(HealthStatus status, String message, int order) {
    }
}
