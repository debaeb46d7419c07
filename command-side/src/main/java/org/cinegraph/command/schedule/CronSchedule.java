package org.cinegraph.command.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A db-scheduler schedule from a Spring cron expression (six fields, seconds first) in UTC: the same syntax
 * and the same next time as everything else in the product that reads {@code cinegraph.schedule.*}. The next
 * run after one that completed is the first tick after its completion, so ticks missed while every node was
 * down fire once, not once each. Disabled, db-scheduler removes the recurring execution.
 */
final class CronSchedule implements Schedule {

    private final CronExpression cron;
    private final boolean enabled;

    CronSchedule(String expression, boolean enabled) {
        this.cron = CronExpression.parse(expression);
        this.enabled = enabled;
    }

    /** The first tick strictly after {@code instant}. */
    Instant nextAfter(Instant instant) {
        ZonedDateTime next = cron.next(instant.atZone(ZoneOffset.UTC));
        return next == null ? NEVER : next.toInstant();
    }

    /**
     * The tick a run at {@code instant} belongs to: the latest tick at or before it. A run retried after a
     * failure, or run again by another node after its node died, belongs to the same tick as the first attempt.
     * Spring's expressions only look forward, so this steps back until a tick is behind, then forward to the
     * last one; {@code instant} itself when no tick lies within a year before it.
     */
    Instant tickAtOrBefore(Instant instant) {
        for (Duration back = Duration.ofMinutes(1); back.compareTo(Duration.ofDays(400)) <= 0;
             back = back.multipliedBy(2)) {
            Instant tick = nextAfter(instant.minus(back));
            if (!tick.isAfter(instant)) {
                for (Instant later = nextAfter(tick); !later.isAfter(instant); later = nextAfter(later)) {
                    tick = later;
                }
                return tick;
            }
        }
        return instant;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return nextAfter(executionComplete.getTimeDone());
    }

    /**
     * Not deterministic to db-scheduler, although a cron is: a deterministic schedule makes every node that
     * starts move a pending run that is not on a tick (a retry after a failure) to the next tick, dropping the
     * retry. A changed expression still takes effect: at once when it brings the next run forward, else after
     * the run already due.
     */
    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public boolean isDisabled() {
        return !enabled;
    }

    @Override
    public String toString() {
        return "cron " + cron + " UTC" + (enabled ? "" : " (disabled)");
    }
}
