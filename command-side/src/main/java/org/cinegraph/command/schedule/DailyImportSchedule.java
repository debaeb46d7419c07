package org.cinegraph.command.schedule;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.cinegraph.events.ImportSchedule;
import org.cinegraph.events.ImportTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily import as a recurring db-scheduler task: its next execution is a row in {@code scheduled_tasks},
 * so the schedule survives restarts; every node polls it and one picks each due execution, so a tick fires
 * once however many nodes run; a tick missed while every node was down runs once at the next start. The task
 * runs the pass ({@link ImportPass}) for its tick, then refreshes TMDb's total.
 */
@Configuration(proxyBeanMethods = false)
class DailyImportSchedule {

    static final String TASK = "daily-import";
    private static final Logger log = LoggerFactory.getLogger(DailyImportSchedule.class);

    @Bean
    RecurringTask<Void> dailyImport(ImportSchedule schedule, ImportPass pass, TmdbTotal tmdbTotal) {
        CronSchedule cron = new CronSchedule(schedule.dailyImportCron(), schedule.enabled());
        log.info("The daily import runs at {}", cron);
        return Tasks.recurring(TASK, cron)
                .onFailure(new RetrySoonThenNextTick(cron))
                .onDeadExecution(new ReviveOnItsTick())
                .execute((instance, context) -> {
                    Instant tick = cron.tickAtOrBefore(context.getExecution().executionTime);
                    pass.next(ImportTrigger.SCHEDULE, tick);
                    tmdbTotal.refreshQuietly();
                });
    }

    /**
     * A run whose node died while running it (it missed its heartbeats) is run again by another node, at once;
     * it keeps its execution time, so it is recognised as the same tick ({@link ImportPass} handles a tick once).
     */
    static final class ReviveOnItsTick implements DeadExecutionHandler<Void> {

        @Override
        public void deadExecution(ExecutionComplete dead, ExecutionOperations<Void> operations) {
            Execution execution = dead.getExecution();
            log.warn("The daily import's run of {} was picked by {}, which stopped; running it again",
                    execution.executionTime, execution.pickedBy);
            operations.reschedule(dead, execution.executionTime);
        }
    }

    /**
     * A tick that failed (the database unreachable, say) is tried again after 1, 2, 4 ... minutes, at most
     * seven times, but never past the next tick; then the schedule goes on from the next tick.
     */
    static final class RetrySoonThenNextTick implements FailureHandler<Void> {

        static final int RETRIES = 7;
        private final CronSchedule cron;

        RetrySoonThenNextTick(CronSchedule cron) {
            this.cron = cron;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Instant nextTick = cron.nextAfter(complete.getTimeDone());
            Instant retry = complete.getTimeDone().plus(Duration.ofMinutes(1L << Math.min(failures - 1, 20)));
            Instant next = failures <= RETRIES && retry.isBefore(nextTick) ? retry : nextTick;
            log.warn("The daily import failed ({} in a row); next attempt at {}", failures, next,
                    complete.getCause().orElse(null));
            operations.reschedule(complete, next);
        }
    }
}
