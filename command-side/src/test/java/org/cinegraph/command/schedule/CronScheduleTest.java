package org.cinegraph.command.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The daily schedule's times, on a fixture clock: each instant below stands for "now". */
class CronScheduleTest {

    private final CronSchedule daily = new CronSchedule("0 0 2 * * *", true);

    @Test
    void theFirstRunIsTheNextTickInUtc() {
        assertThat(daily.getInitialExecutionTime(Instant.parse("2026-11-23T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
        assertThat(daily.getInitialExecutionTime(Instant.parse("2026-11-23T01:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    }

    @Test
    void aRunIsFollowedByTheNextTickAfterItCompleted() {
        assertThat(daily.getNextExecutionTime(success("2026-11-23T02:00:00Z", "2026-11-23T02:00:03Z")))
                .isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
    }

    @Test
    void ticksMissedWhileEveryNodeWasDownFireOnceNotOnceEach() {
        // Due on the 20th, every node down until the 23rd at noon: the overdue execution runs once at the start,
        // and the next one is the next tick after it, not the 21st or the 22nd.
        assertThat(daily.getNextExecutionTime(success("2026-11-20T02:00:00Z", "2026-11-23T12:00:05Z")))
                .isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
    }

    @Test
    void anExpressionOfOneSecondTicksEverySecond() {
        CronSchedule everySecond = new CronSchedule("* * * * * *", true);
        assertThat(everySecond.nextAfter(Instant.parse("2026-11-23T12:00:00.400Z")))
                .isEqualTo(Instant.parse("2026-11-23T12:00:01Z"));
    }

    @Test
    void aRunRetriedOrRunAgainBelongsToTheTickOfItsFirstAttempt() {
        assertThat(daily.tickAtOrBefore(Instant.parse("2026-11-23T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        // Retried after failures, or run again by another node after its node died.
        assertThat(daily.tickAtOrBefore(Instant.parse("2026-11-23T02:03:00.250Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(daily.tickAtOrBefore(Instant.parse("2026-11-24T01:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        CronSchedule everySecond = new CronSchedule("* * * * * *", true);
        assertThat(everySecond.tickAtOrBefore(Instant.parse("2026-11-23T12:00:07.900Z")))
                .isEqualTo(Instant.parse("2026-11-23T12:00:07Z"));
        CronSchedule newYear = new CronSchedule("0 0 0 1 1 *", true);
        assertThat(newYear.tickAtOrBefore(Instant.parse("2026-11-23T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aDisabledScheduleIsMarkedSoThatItsExecutionIsRemoved() {
        assertThat(new CronSchedule("0 0 2 * * *", false).isDisabled()).isTrue();
        assertThat(daily.isDisabled()).isFalse();
    }

    @Test
    void aFailedRunIsRetriedAfterAMinuteThenLaterButNeverPastTheNextTick() {
        DailyImportSchedule.RetrySoonThenNextTick retries = new DailyImportSchedule.RetrySoonThenNextTick(daily);

        assertThat(retryAfter(retries, 0, "2026-11-23T02:00:01Z")).isEqualTo(Instant.parse("2026-11-23T02:01:01Z"));
        // The fourth failure in a row waits 8 minutes.
        assertThat(retryAfter(retries, 3, "2026-11-23T02:15:01Z")).isEqualTo(Instant.parse("2026-11-23T02:23:01Z"));
        // Seven failures in a row: the schedule goes on from the next tick.
        assertThat(retryAfter(retries, 7, "2026-11-23T04:07:01Z")).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
        // A retry that would fall after the next tick is the next tick.
        assertThat(retryAfter(retries, 5, "2026-11-24T01:50:00Z")).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunWhoseNodeDiedIsRunAgainOnItsOwnTick() {
        Execution dead = execution("2026-11-23T02:00:00Z");
        ExecutionComplete complete = ExecutionComplete.failure(dead, Instant.parse("2026-11-23T02:00:01Z"),
                Instant.parse("2026-11-23T02:03:00Z"), null);
        ExecutionOperations<Void> operations = mock(ExecutionOperations.class);

        new DailyImportSchedule.ReviveOnItsTick().deadExecution(complete, operations);

        verify(operations).reschedule(complete, Instant.parse("2026-11-23T02:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static Instant retryAfter(DailyImportSchedule.RetrySoonThenNextTick retries, int failuresBefore,
                                      String failedAt) {
        Execution execution = execution("2026-11-23T02:00:00Z");
        execution.consecutiveFailures = failuresBefore;
        ExecutionComplete failed = ExecutionComplete.failure(execution, Instant.parse(failedAt).minusSeconds(1),
                Instant.parse(failedAt), new IllegalStateException("database unreachable"));
        ExecutionOperations<Void> operations = mock(ExecutionOperations.class);
        retries.onFailure(failed, operations);
        ArgumentCaptor<Instant> next = ArgumentCaptor.forClass(Instant.class);
        verify(operations).reschedule(eq(failed), next.capture());
        return next.getValue();
    }

    private static ExecutionComplete success(String due, String done) {
        return ExecutionComplete.success(execution(due), Instant.parse(due), Instant.parse(done));
    }

    private static Execution execution(String due) {
        return new Execution(Instant.parse(due), new TaskInstance<>(DailyImportSchedule.TASK, "recurring"));
    }
}
