package org.cinegraph.query.state;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.cinegraph.query.progress.YearProgress;
import org.springframework.scheduling.support.CronExpression;

/**
 * Judges whether the unattended import is healthy, and says so in words a person understands: {@code error}
 * when the daily run is over 36 hours late or TMDb refuses the credentials, {@code warning} when it is over 24
 * hours late, a year is stalled, the last delta sync failed, the last sweep of TMDb's export failed or the last
 * completed one withheld its removals, else {@code ok}.
 */
final class SyncHealth {

    static final Duration WARNING_LATE = Duration.ofHours(24);
    static final Duration ERROR_LATE = Duration.ofHours(36);

    private SyncHealth() {
    }

    enum Status { ok, warning, error }

    record View(String status, String message, Double hoursSinceLastSync) {
    }

    static View judge(Instant now, ImportSchedule schedule, Map<ImportStateKey, String> state,
                      List<YearProgress> years) {
        List<Finding> findings = new ArrayList<>();
        Instant lastRun = instant(state.get(ImportStateKey.LAST_DAILY_RUN));
        Double hoursSince = lastRun == null ? null
                : Math.round(Duration.between(lastRun, now).toMinutes() / 6.0) / 10.0;
        CronExpression cron = CronExpression.parse(schedule.dailyImportCron());

        for (YearProgress year : years) {
            YearProgress current = year.asOf(now, schedule.stallAfter());
            if ("failed".equals(current.status())) {
                findings.add(new Finding(Status.error, "The import of " + current.year() + " failed: "
                        + current.failureReason() + " Fix it, then start the year again.", 0));
            } else if ("stalled".equals(current.status())) {
                findings.add(new Finding(Status.warning, "The import of " + current.year()
                        + " has made no progress since " + current.lastProgressAt() + " ("
                        + hours(Duration.between(current.lastProgressAt(), now)) + "); the next daily run resumes it, "
                        + "or start the year again now.", 1));
            }
        }
        String syncFailure = state.get(ImportStateKey.CHANGE_SYNC_FAILURE);
        if (syncFailure != null) {
            boolean credentials = "true".equals(state.get(ImportStateKey.CHANGE_SYNC_CREDENTIALS_REJECTED));
            findings.add(new Finding(credentials ? Status.error : Status.warning,
                    "The last delta sync from TMDb's change feed failed: " + syncFailure
                            + (credentials ? "" : " The next daily run tries again."), credentials ? 0 : 2));
        }
        exportSweepFindings(state, findings);
        if (!schedule.enabled()) {
            findings.add(new Finding(Status.ok, "The daily schedule is off on this node "
                    + "(cinegraph.schedule.enabled=false): imports run when an admin starts them.", 3));
        } else if (lastRun == null) {
            findings.add(new Finding(Status.ok, "The daily import has not run yet; it runs next at "
                    + next(cron, now) + ".", 3));
        } else {
            Instant due = next(cron, lastRun);
            Duration late = Duration.between(due, now);
            if (late.compareTo(WARNING_LATE) > 0) {
                Status status = late.compareTo(ERROR_LATE) > 0 ? Status.error : Status.warning;
                findings.add(new Finding(status, "The daily import is " + hours(late) + " late: it last ran at "
                        + lastRun + " and was due again at " + due + ". Check that a node runs with the schedule on "
                        + "and can reach its database.", 0));
            } else {
                findings.add(new Finding(Status.ok, "The daily import last ran at " + lastRun + " ("
                        + hours(Duration.between(lastRun, now)) + " ago); it runs next at " + next(cron, now) + ".",
                        3));
            }
        }
        findings.sort(Comparator.comparing((Finding finding) -> finding.status).reversed()
                .thenComparingInt(finding -> finding.order));
        Status worst = findings.isEmpty() ? Status.ok : findings.get(0).status;
        String message = String.join(" ", findings.stream().map(finding -> finding.message).toList());
        return new View(worst.name(), message, hoursSince);
    }

    /**
     * A warning while the last completed sweep of TMDb's export found more removals than one sweep records without
     * an admin's confirmation (until a later one completes without withholding any), and while the last sweep
     * failed (until a later one completes).
     */
    private static void exportSweepFindings(Map<ImportStateKey, String> state, List<Finding> findings) {
        String withheld = state.get(ImportStateKey.LAST_EXPORT_SWEEP_REMOVALS_WITHHELD);
        if (withheld != null && Long.parseLong(withheld) > 0) {
            findings.add(new Finding(Status.warning, "The sweep of TMDb's export of "
                    + state.get(ImportStateKey.LAST_EXPORT_SWEEP_DATE) + " found " + withheld + " movies of the "
                    + "catalogue that the export no longer lists, more than the "
                    + state.get(ImportStateKey.LAST_EXPORT_SWEEP_REMOVAL_LIMIT) + " one sweep records as removed, "
                    + "and recorded none of them. Check that TMDb really removed them, then confirm with POST "
                    + "/api/admin/catalogue/sweep?confirmRemovals=true.", 2));
        }
        String failure = state.get(ImportStateKey.EXPORT_SWEEP_FAILURE);
        if (failure != null) {
            findings.add(new Finding(Status.warning, "The last sweep of TMDb's export failed: " + failure
                    + " The next sweep (after the next daily run, or POST /api/admin/catalogue/sweep) reads the "
                    + "export again.", 2));
        }
    }

    /**
     * An error naming the tables that are missing and those that lost their rows, before what was judged without
     * them ({@code judged}, null when the import could not be judged).
     */
    static View withLostTables(List<String> missing, List<String> lostRows, View judged) {
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
        return new View(Status.error.name(), String.join(" ", parts), judged == null ? null
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

    private record Finding(Status status, String message, int order) {
    }
}
