package org.cinegraph.command.yearimport;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.command.tmdb.TmdbUnavailableException;
import org.cinegraph.events.FailYearImport;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.events.YearImportStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs year imports. A started year is marked running in the same transaction as its
 * {@link YearImportStarted} (this processing group is subscribing), and its job starts once that commits; a
 * node that starts again resumes every year still marked running.
 */
@Component
@ProcessingGroup(YearImportRunner.NAME)
public class YearImportRunner {

    /** Subscribing, with errors propagated: a start that cannot be marked running does not happen. */
    public static final String NAME = "year-import-runner";
    private static final Logger log = LoggerFactory.getLogger(YearImportRunner.class);

    private final ImportLedger ledger;
    private final TmdbClient tmdb;
    private final CommandGateway commands;
    private final EventGateway events;
    private final EventStore eventStore;
    private final QualityFilter quality;
    private final TmdbLimits limits;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService jobs = Executors.newCachedThreadPool(daemonThreads("year-import-"));

    YearImportRunner(ImportLedger ledger, TmdbClient tmdb, CommandGateway commands, EventGateway events,
                     EventStore eventStore, QualityFilter quality, TmdbLimits limits) {
        this.ledger = ledger;
        this.tmdb = tmdb;
        this.commands = commands;
        this.events = events;
        this.eventStore = eventStore;
        this.quality = quality;
        this.limits = limits;
    }

    @EventHandler
    @DisallowReplay
    void on(YearImportStarted event, @Timestamp Instant startedAt) {
        ledger.markRunning(event.year(), startedAt);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> start(event.year())));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunningImports() {
        for (int year : ledger.runningYears()) {
            log.info("Resuming the import of {}", year);
            start(year);
        }
    }

    /**
     * Resumes the year's running import if no job of this node works on it (paused because TMDb was
     * unavailable, say).
     *
     * @return false when the year has no running import to resume
     */
    boolean resume(int year) {
        if (ledger.runStartedAt(year).isEmpty()) {
            return false;
        }
        start(year);
        return true;
    }

    void start(int year) {
        if (running.add(year)) {
            jobs.execute(() -> runWhileStarted(year));
        }
    }

    /** Runs the year's current run; a newer run that began while this one ended is run next. */
    private void runWhileStarted(int year) {
        Instant lastRun = null;
        try {
            Optional<Instant> run = ledger.runStartedAt(year);
            while (run.isPresent() && !run.get().equals(lastRun)) {
                lastRun = run.get();
                run(year, lastRun);
                run = ledger.runStartedAt(year);
            }
        } finally {
            running.remove(year);
        }
        Instant ended = lastRun;
        if (ledger.runStartedAt(year).filter(newer -> !newer.equals(ended)).isPresent()) {
            start(year);
        }
    }

    private void run(int year, Instant runStartedAt) {
        ExecutorService detailWorkers = Executors.newFixedThreadPool(limits.maxConnections(),
                daemonThreads("year-" + year + "-details-"));
        try {
            events.publish(new TmdbTotalUpdated(tmdb.totalMovies(), "discover"));
            boolean completed = new YearImportJob(year, runStartedAt, tmdb, ledger, commands, eventStore, quality,
                    detailWorkers).run();
            if (completed) {
                ledger.markFinished(year, runStartedAt);
            }
        } catch (TmdbCredentialsRejectedException e) {
            log.error("The import of {} stopped: {}", year, e.getMessage());
            try {
                commands.sendAndWait(new FailYearImport(year, e.getMessage()));
            } catch (YearImportNotRunningException alreadyEnded) {
                // ended before a crash kept the ledger from noting it
            }
            ledger.markFinished(year, runStartedAt);
        } catch (TmdbUnavailableException e) {
            log.warn("The import of {} paused, TMDb is unavailable: {}; starting the year again or restarting "
                    + "resumes it", year, tmdb.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The import of {} stopped unexpectedly; starting the year again or restarting resumes it",
                    year, e);
        } finally {
            detailWorkers.shutdownNow();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        jobs.shutdownNow();
        jobs.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
