package org.cinegraph.command.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
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

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return nextAfter(executionComplete.getTimeDone());
    }

    @Override
    public boolean isDeterministic() {
        return true;
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
