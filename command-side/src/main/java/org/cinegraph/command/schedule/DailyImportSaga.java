package org.cinegraph.command.schedule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.cinegraph.events.RefreshTmdbTotal;
import org.cinegraph.events.TakeImportStep;
import org.cinegraph.events.TakeOverStalledYear;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.springframework.scheduling.support.CronExpression;

/**
 * The daily import's life cycle, from the schedule switched on ({@link ImportScheduleStarted}) to switched off
 * ({@link ImportScheduleStopped}). Its ticks are deadlines kept by db-scheduler in {@code scheduled_tasks}, so
 * they survive restarts, fire once across nodes, and a tick missed while every node was down fires once when one
 * starts. Each tick takes one step of the pass over the years and schedules the next; with {@code continuous},
 * a completed year of the range is followed at once by the next step; a failed year waits for the next tick. Each
 * started year is checked for a stall once {@code stallAfter} has passed since it last made progress.
 * <p>
 * The saga decides when; the pass ({@link ImportPass}) decides what, under its database-wide lock, so a tick that
 * fires twice (its node died before db-scheduler noted it done) or a continuation that races an admin doubles
 * nothing. The saga keeps no state: a deadline runs on whichever node picks it, while the saga's events are handled
 * on the node that holds its processor, and the saga store keeps whichever writes last. It reads the settings as
 * recorded ({@link RecordedSchedule}) when it decides, and moves its tick under the pass's lock, which a tick holds
 * from its step until it commits: a tick and a change of the schedule never interleave.
 */
@Saga
@ProcessingGroup(DailyImportSaga.PROCESSOR)
@JsonIgnoreProperties(ignoreUnknown = true)
public class DailyImportSaga {

    /** Its own streaming processor, one segment: one node at a time handles its events. */
    public static final String PROCESSOR = "daily-import-saga";
    static final String TICK = "daily-import-tick";
    static final String STALL_CHECK = "year-stall-check";

    @StartSaga
    @SagaEventHandler(associationProperty = "scheduleId")
    void on(ImportScheduleStarted event, DeadlineManager deadlines, Clock clock) {
        scheduleNextTick(deadlines, event.settings().cron(), clock.instant());
    }

    /** Only a new cron moves the tick: another range, continuity or stall rule applies from the next decision. */
    @SagaEventHandler(associationProperty = "scheduleId")
    void on(ImportScheduleChanged event, DeadlineManager deadlines, Clock clock, PassLock pass) {
        if (!event.settings().cron().equals(event.previous().cron())) {
            pass.lock();
            scheduleNextTick(deadlines, event.settings().cron(), clock.instant());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "scheduleId")
    void on(ImportScheduleStopped event, DeadlineManager deadlines, PassLock pass) {
        pass.lock();
        deadlines.cancelAllWithinScope(TICK);
        deadlines.cancelAllWithinScope(STALL_CHECK);
    }

    /**
     * One step of the pass, then TMDb's total once that is recorded, then the next tick. The step, its events and
     * the next tick commit together, in the deadline's transaction: a tick that fails is retried by db-scheduler
     * and schedules nothing until it succeeds. A tick of a schedule switched off meanwhile does nothing.
     */
    @DeadlineHandler(deadlineName = TICK)
    void on(Tick tick, CommandGateway commands, DeadlineManager deadlines, Clock clock, RecordedSchedule schedule) {
        schedule.whileOn().ifPresent(settings -> {
            // The step holds the pass's lock until this commits.
            commands.sendAndWait(TakeImportStep.tick(tick.scheduledFor()));
            commands.sendAndWait(new RefreshTmdbTotal());
            Instant now = clock.instant();
            String cron = schedule.whileOn().orElse(settings).cron();
            scheduleNextTick(deadlines, cron, now.isAfter(tick.scheduledFor()) ? now : tick.scheduledFor());
        });
    }

    @SagaEventHandler(associationProperty = "scheduleId", associationResolver = TheDailyImport.class)
    void on(YearImportCompleted event, CommandGateway commands, RecordedSchedule schedule) {
        if (continuesAfter(event.year(), schedule)) {
            commands.sendAndWait(TakeImportStep.after(event.year()));
        }
    }

    /**
     * A failed year of the pass waits for the next tick (the pass decides so); one an admin started in the range,
     * which held the pass up, lets it go on.
     */
    @SagaEventHandler(associationProperty = "scheduleId", associationResolver = TheDailyImport.class)
    void on(YearImportFailed event, CommandGateway commands, RecordedSchedule schedule) {
        if (continuesAfter(event.year(), schedule)) {
            commands.sendAndWait(TakeImportStep.afterFailure(event.year()));
        }
    }

    /** Every started year, the pass's or an admin's, is looked at once it could have stalled. */
    @SagaEventHandler(associationProperty = "scheduleId", associationResolver = TheDailyImport.class)
    void on(YearImportStarted event, @Timestamp Instant startedAt, DeadlineManager deadlines,
            RecordedSchedule schedule) {
        schedule.whileOn().ifPresent(settings -> deadlines.schedule(startedAt.plus(settings.stallAfter()), STALL_CHECK,
                new StallCheck(event.year())));
    }

    /**
     * Takes the year over if it stalled, and looks again once it could have stalled since its last progress: a
     * year that progresses is looked at once per {@code stallAfter}, never per movie. A year that ended is not
     * looked at again.
     */
    @DeadlineHandler(deadlineName = STALL_CHECK)
    void on(StallCheck check, CommandGateway commands, DeadlineManager deadlines, RecordedSchedule schedule) {
        schedule.whileOn().ifPresent(settings -> {
            Instant next = commands.sendAndWait(new TakeOverStalledYear(check.year(), settings.stallAfter()));
            if (next != null) {
                deadlines.schedule(next, STALL_CHECK, check);
            }
        });
    }

    private static boolean continuesAfter(int year, RecordedSchedule schedule) {
        return schedule.whileOn().filter(DailyImportSettings::continuous)
                .filter(settings -> settings.inRange(year)).isPresent();
    }

    /**
     * The one next tick: any other tick still pending (left by a change of the schedule that raced a tick, say) is
     * cancelled, so ticks never double however often this runs for a tick. The tick running now is not pending.
     */
    private static void scheduleNextTick(DeadlineManager deadlines, String cron, Instant after) {
        deadlines.cancelAllWithinScope(TICK);
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(ZoneOffset.UTC));
        if (next != null) {
            deadlines.schedule(next.toInstant(), TICK, new Tick(next.toInstant()));
        }
    }

    /** The daily tick due at {@code scheduledFor}. */
    public record Tick(Instant scheduledFor) {
    }

    /** A look at whether the year's import stalled. */
    public record StallCheck(int year) {
    }

    /** Every event of a year concerns the one daily import: its saga follows every year's start and end. */
    public static final class TheDailyImport implements AssociationResolver {

        @Override
        public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
            // Any event can be associated with the one schedule.
        }

        @Override
        public <T> Object resolve(String associationPropertyName, EventMessage<?> message,
                                  MessageHandlingMember<T> handler) {
            return ConfigureDailyImport.SCHEDULE_ID;
        }
    }
}
