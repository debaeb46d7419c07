package org.cinegraph.command.schedule;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.changes.ChangeSyncRunner;
import org.cinegraph.command.node.ThisNode;
import org.cinegraph.command.yearimport.AfterCommit;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.cinegraph.events.FullSyncCompleted;
import org.cinegraph.events.ImportAction;
import org.cinegraph.events.ImportRange;
import org.cinegraph.events.ImportSchedule;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.YearImportCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process manager of the pass over the year range, newest year first. A trigger (the daily schedule, an
 * admin's "next", or, when the import is continuous, the completion of the pass's previous year) resumes the
 * running year, or starts the next one, or, once every year is completed, runs a delta sync from TMDb's change
 * feed. Each decision is taken under one database-wide lock and recorded as {@link ImportTriggered} in the
 * same transaction as the start it makes, so a year is never started twice, however many nodes trigger.
 */
@Component
@ProcessingGroup(ImportPass.NAME)
public class ImportPass {

    /** Subscribing: sees a year's completion in the transaction that records it. */
    public static final String NAME = "import-pass";
    private static final Logger log = LoggerFactory.getLogger(ImportPass.class);

    private final PassLedger ledger;
    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final EventGateway events;
    private final YearImportRunner runner;
    private final ChangeSyncRunner changes;
    private final ImportRange range;
    private final ImportSchedule schedule;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService continuations =
            Executors.newSingleThreadExecutor(ThisNode.daemonThreads("import-pass-continuation-"));
    private final ScheduledExecutorService watcher =
            Executors.newSingleThreadScheduledExecutor(ThisNode.daemonThreads("import-pass-watch-"));

    ImportPass(PassLedger ledger, PlatformTransactionManager transactions, CommandGateway commands,
               EventGateway events, YearImportRunner runner, ChangeSyncRunner changes, ImportRange range,
               ImportSchedule schedule, Clock clock, @Value("${cinegraph.import.lease:PT30S}") Duration lease) {
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.commands = commands;
        this.events = events;
        this.runner = runner;
        this.changes = changes;
        this.range = range;
        this.schedule = schedule;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Does what the trigger asks: resumes the running year, starts the next, or runs a delta sync.
     *
     * @param scheduledFor the schedule's tick, for {@link ImportTrigger#SCHEDULE}; a tick handled before does
     *                     nothing
     * @return what was done; empty when the tick was handled before
     */
    public Optional<ImportTriggered> next(ImportTrigger trigger, Instant scheduledFor) {
        ImportTriggered decided = transaction.execute(status -> {
            ledger.lock();
            if (scheduledFor != null && !ledger.markTickHandled(scheduledFor, clock.instant())) {
                return null;
            }
            Map<Integer, String> statuses = ledger.statuses(range);
            recordFullSyncIfComplete(statuses);
            ImportTriggered decision = decide(trigger, scheduledFor, PassChoice.of(range, statuses));
            if (decision.action() == ImportAction.START_YEAR) {
                commands.sendAndWait(new StartYearImport(decision.year(), trigger));
            }
            if (trigger == ImportTrigger.SCHEDULE || !inProgress(decision.action())) {
                events.publish(decision);
            }
            return decision;
        });
        if (decided == null) {
            log.info("The schedule's tick of {} was handled before; nothing to do", scheduledFor);
            return Optional.empty();
        }
        log.info("Import triggered ({}): {}{}", trigger.name().toLowerCase(), decided.action().name().toLowerCase(),
                decided.year() == null ? "" : " " + decided.year());
        switch (decided.action()) {
            case RESUME_YEAR -> runner.restart(decided.year());
            case SYNC_CHANGES -> changes.startSync(trigger);
            default -> {
                // a start's job begins once the start commits; work in progress goes on
            }
        }
        return Optional.of(decided);
    }

    /**
     * Starts a year an admin chose, out of turn. Not under the pass's lock: the year's aggregate refuses a second
     * start of a running year, whichever of an admin and the pass comes second.
     *
     * @throws org.cinegraph.command.yearimport.YearImportAlreadyRunningException when the year is running
     */
    public void startChosenYear(int year) {
        commands.sendAndWait(new StartYearImport(year, ImportTrigger.ADMIN));
    }

    /** Resumes the running year on this node if no node works on it. */
    public boolean resumeIfUnheld(int year) {
        return runner.resume(year);
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

    /** Records, once, that every year of the range is completed. Called under the lock. */
    private void recordFullSyncIfComplete(Map<Integer, String> statuses) {
        boolean complete = range.years().allMatch(year -> PassChoice.COMPLETED.equals(statuses.get(year)));
        if (complete && ledger.markFullSync(range, clock.instant())) {
            events.publish(new FullSyncCompleted(range.firstYear(), range.lastYear()));
        }
    }

    /**
     * A completed year of the pass is followed at once by the next when the import is continuous; either way, the
     * range's completion is recorded when it happens, not at the next trigger.
     */
    @EventHandler
    @DisallowReplay
    void on(YearImportCompleted event) {
        boolean inRange = event.year() <= range.firstYear() && event.year() >= range.lastYear();
        boolean continues = inRange && schedule.continuous()
                && ledger.trigger(event.year()).map(ImportTrigger::inTurn).orElse(false);
        AfterCommit.run(() -> continuations.execute(() -> afterYearCompleted(inRange, continues)));
    }

    private void afterYearCompleted(boolean inRange, boolean continues) {
        try {
            if (continues) {
                next(ImportTrigger.CONTINUATION, null);
            } else if (inRange) {
                transaction.executeWithoutResult(status -> {
                    ledger.lock();
                    recordFullSyncIfComplete(ledger.statuses(range));
                });
            }
        } catch (RuntimeException e) {
            log.error("Could not go on with the pass after a completed year; the next trigger does", e);
        }
    }

    /**
     * A continuous pass that stopped between two years goes on, on whichever node looks first: its node was
     * killed between a completion and the next start, the next start lost a race, or a year an admin started
     * in the range held it up. Looked at when the node is ready, then every {@code lease}. A pass held up by a
     * failed year (TMDb refused the credentials, say) waits for the daily run instead of trying every time.
     */
    @EventListener(ApplicationReadyEvent.class)
    void watchForAnIdlePass() {
        if (schedule.continuous()) {
            watcher.scheduleWithFixedDelay(this::continueIfIdle, 0, lease.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void continueIfIdle() {
        try {
            Map<Integer, String> statuses = ledger.statuses(range);
            PassChoice choice = PassChoice.of(range, statuses);
            if (choice.kind() == PassChoice.Kind.NEXT_YEAR && !PassChoice.FAILED.equals(statuses.get(choice.year()))
                    && ledger.passBegun(range)) {
                next(ImportTrigger.CONTINUATION, null);
            }
        } catch (Throwable e) {
            // Anything escaping would end this periodic task for good.
            log.warn("Could not go on with an idle pass; trying again", e);
        }
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        continuations.shutdownNow();
    }
}
