package org.cinegraph.command.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.command.changes.ChangeSyncRunner;
import org.cinegraph.command.export.ExportSweepRunner;
import org.cinegraph.command.ledger.AfterCommit;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.cinegraph.events.FullSyncCompleted;
import org.cinegraph.events.ImportAction;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.TakeImportStep;
import org.cinegraph.events.TakeOverStalledYear;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pass over the year range, newest year first after the years an admin put first ({@link PriorityYears}): what
 * each step of the daily import does. A step (a tick of the {@link DailyImportSaga}, an admin's "next", or, when the
 * import is continuous, the completion of the pass's previous year) resumes the running year, or starts the next
 * one, or, once every year is completed, runs a delta sync from TMDb's change feed. Each decision is taken under one
 * database-wide lock and recorded as {@link ImportTriggered} in the transaction of the start it makes (the saga's,
 * when it asks), so a year is never started twice, however many nodes ask; the jobs it starts begin once that
 * transaction commits.
 */
@Component
@ProcessingGroup(ImportPass.NAME)
public class ImportPass {

    /** Subscribing: records the range's completion in the transaction of its last year's. */
    public static final String NAME = "range-completion";
    private static final Logger log = LoggerFactory.getLogger(ImportPass.class);

    private final PassLedger ledger;
    private final PriorityYears priority;
    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final EventGateway events;
    private final YearImportRunner runner;
    private final ChangeSyncRunner changes;
    private final ExportSweepRunner sweeps;
    private final ImportRange range;
    private final ImportSchedule schedule;
    private final Clock clock;

    ImportPass(PassLedger ledger, PriorityYears priority, PlatformTransactionManager transactions,
               CommandGateway commands, EventGateway events, YearImportRunner runner, ChangeSyncRunner changes,
               ExportSweepRunner sweeps, ImportRange range, ImportSchedule schedule, Clock clock) {
        this.ledger = ledger;
        this.priority = priority;
        this.transaction = new TransactionTemplate(transactions);
        this.commands = commands;
        this.events = events;
        this.runner = runner;
        this.changes = changes;
        this.sweeps = sweeps;
        this.range = range;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * A step the saga asks for: a tick's, or the one after a year ended. A completed year moves the pass on when
     * the pass started it; a year that ended either way moves it on when the pass had begun and waited on it (a
     * year an admin started in the range, which held the pass up). A pass held up by a failed year waits for the
     * next tick.
     */
    @CommandHandler
    void handle(TakeImportStep step) {
        if (step.trigger() != ImportTrigger.CONTINUATION) {
            next(step.trigger(), step.scheduledFor());
            return;
        }
        boolean continues = Boolean.TRUE.equals(transaction.execute(status -> {
            ledger.lock();
            Map<Integer, String> statuses = ledger.statuses(range);
            PassChoice choice = PassChoice.of(range, statuses, priority.waiting(range));
            boolean inTurn = !step.failed()
                    && ledger.trigger(step.endedYear()).map(ImportTrigger::inTurn).orElse(false);
            boolean heldUp = choice.kind() == PassChoice.Kind.NEXT_YEAR
                    && !PassChoice.FAILED.equals(statuses.get(choice.year())) && ledger.passBegun(range);
            return inTurn || heldUp;
        }));
        if (continues) {
            next(ImportTrigger.CONTINUATION, null);
        }
    }

    /**
     * In the transaction of a year's completion: takes the year off the priority, and, when it is the range's last
     * year to complete, records the range's completion, once, whoever started that year and whether or not the daily
     * import is on. A subscribing handler of the command side, never replayed; the year-import runner marks the year
     * completed in the same transaction, in an order neither knows, so the year that completes counts as completed
     * here. Not under the pass's lock: a step holding it may wait on the completing year's rows, so waiting for it
     * here could deadlock; the full-sync ledger's key records the range's completion once either way. Were that to
     * fail, the pass's next step records it. The priority's lock, which this takes, is another: a new priority holds
     * it, and waits on no year's rows.
     */
    @EventHandler
    @DisallowReplay
    void on(YearImportCompleted event) {
        priority.completed(event.year());
        Map<Integer, String> statuses = ledger.statuses(range);
        statuses.put(event.year(), PassChoice.COMPLETED);
        recordFullSyncIfComplete(statuses);
    }

    /**
     * Takes over a running year that made no progress for {@code stallAfter}, even from a node that still holds
     * it (that node's writes are refused from then on); its job here starts once this commits.
     *
     * @return when the year could next be stalled; null once it no longer runs
     */
    @CommandHandler
    Instant handle(TakeOverStalledYear command) {
        int year = command.year();
        return transaction.execute(status -> {
            Optional<Instant> progressed = ledger.progressedAt(year);
            if (progressed.isEmpty()) {
                return null;
            }
            Instant now = clock.instant();
            Instant stalledAt = progressed.get().plus(command.stallAfter());
            if (stalledAt.isAfter(now)) {
                return stalledAt;
            }
            if (runner.seizeIfStalled(year, command.stallAfter())) {
                log.warn("The import of {} made no progress since {}; this node takes it over", year,
                        progressed.get());
                AfterCommit.run(() -> runner.restart(year));
            }
            return now.plus(command.stallAfter());
        });
    }

    /**
     * Does what the trigger asks: resumes the running year, starts the next, or runs a delta sync. Joins the
     * transaction in progress, if any; the jobs it starts begin once the transaction commits.
     *
     * @param scheduledFor the daily tick, for {@link ImportTrigger#SCHEDULE}; a tick handled before does nothing
     * @return what was done; empty when the tick was handled before
     */
    public Optional<ImportTriggered> next(ImportTrigger trigger, Instant scheduledFor) {
        ImportTriggered decided = transaction.execute(status -> {
            ledger.lock();
            Instant now = now();
            if (scheduledFor != null && !ledger.markTickHandled(scheduledFor, now)) {
                return null;
            }
            Map<Integer, String> statuses = ledger.statuses(range);
            recordFullSyncIfComplete(statuses);
            ImportTriggered decision = decide(trigger, scheduledFor,
                    PassChoice.of(range, statuses, priority.waiting(range)));
            if (decision.action() == ImportAction.START_YEAR) {
                commands.sendAndWait(new StartYearImport(decision.year(), trigger));
            }
            if (trigger == ImportTrigger.SCHEDULE || !inProgress(decision.action())) {
                publishAt(decision, now);
            }
            if (scheduledFor != null) {
                ledger.noteTick(scheduledFor, decision.action(), decision.year());
            }
            AfterCommit.run(() -> begin(decision));
            return decision;
        });
        if (decided == null) {
            log.info("The daily tick of {} was handled before; nothing to do", scheduledFor);
            return Optional.empty();
        }
        return Optional.of(decided);
    }

    private void begin(ImportTriggered decided) {
        log.info("Import triggered ({}): {}{}", decided.trigger().name().toLowerCase(),
                decided.action().name().toLowerCase(), decided.year() == null ? "" : " " + decided.year());
        switch (decided.action()) {
            case RESUME_YEAR -> runner.restart(decided.year());
            case SYNC_CHANGES -> changes.startSync(decided.trigger());
            default -> {
                // a start's job begins with its YearImportStarted; work in progress goes on
            }
        }
    }

    /** Claims the delta sync for this node; false when one runs. */
    public boolean claimChangeSync() {
        return changes.claimSync();
    }

    private ImportTriggered decide(ImportTrigger trigger, Instant scheduledFor, PassChoice choice) {
        ImportAction action = switch (choice.kind()) {
            case NEXT_YEAR -> ImportAction.START_YEAR;
            // A stalled year is taken over even from a live node; one no node holds is resumed.
            case RUNNING_YEAR -> runner.seizeIfStalled(choice.year(), schedule.stallAfter())
                    || !runner.isRunningHere(choice.year()) && runner.claim(choice.year())
                    ? ImportAction.RESUME_YEAR : ImportAction.YEAR_IN_PROGRESS;
            case RANGE_COMPLETE -> changes.claimSync() ? ImportAction.SYNC_CHANGES : ImportAction.SYNC_IN_PROGRESS;
        };
        return new ImportTriggered(trigger, scheduledFor, action, choice.year());
    }

    private static boolean inProgress(ImportAction action) {
        return action == ImportAction.YEAR_IN_PROGRESS || action == ImportAction.SYNC_IN_PROGRESS;
    }

    /** Records, once, that every year of the range is completed; the sweep of TMDb's export follows once that commits. */
    private void recordFullSyncIfComplete(Map<Integer, String> statuses) {
        boolean complete = range.years().allMatch(year -> PassChoice.COMPLETED.equals(statuses.get(year)));
        Instant now = now();
        if (complete && ledger.markFullSync(range, now)) {
            publishAt(new FullSyncCompleted(range.firstYear(), range.lastYear()), now);
            // Every year of the range is in: TMDb's export finds the movies no year lists.
            AfterCommit.run(sweeps::startScheduled);
        }
    }

    /** Now, as precisely as the event store records an event's time: a ledger row and its event say the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Records the event at {@code at}, the time the row it guards holds, so that the rows rebuilt from the events
     * ({@link TickTable}, {@link FullSyncTable}) are those written live.
     */
    private void publishAt(Object event, Instant at) {
        events.publish(new GenericEventMessage<>(new GenericMessage<>(event), () -> at));
    }
}
