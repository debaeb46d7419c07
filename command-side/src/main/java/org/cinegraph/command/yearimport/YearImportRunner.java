package org.cinegraph.command.yearimport;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.catalogue.MovieFetch;
import org.cinegraph.command.catalogue.OutcomeLedger;
import org.cinegraph.command.ledger.AfterCommit;
import org.cinegraph.command.node.BackgroundThreads;
import org.cinegraph.command.node.NodeLease;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.command.tmdb.TmdbRequestPool;
import org.cinegraph.command.tmdb.TmdbUnavailableException;
import org.cinegraph.events.FailYearImport;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs year imports, one job per running year across all nodes. A started year is marked running, and claimed
 * by this node, in the same transaction as its {@link YearImportStarted} (this processing group is
 * subscribing); its job starts once that commits. While the job runs, this node renews its lease on the year; a
 * node that stops hands its years over, and a killed node's leases run out, so another node takes its years over.
 * A node that starts resumes every running year no node holds.
 */
@Component
@ProcessingGroup(YearImportRunner.NAME)
public class YearImportRunner {

    /** Subscribing, with errors propagated: a start that cannot be marked running does not happen. */
    public static final String NAME = "year-import-runner";
    private static final Logger log = LoggerFactory.getLogger(YearImportRunner.class);
    /** The logging context's field naming the year a job imports. */
    static final String YEAR_FIELD = "year";

    private final YearRuns runs;
    private final NodeLease lease;
    private final YearImportJob.Collaborators collaborators;
    private final TmdbClient tmdb;
    private final CommandGateway commands;
    private final EventGateway events;
    private final TmdbLimits limits;
    /** This runner's own pool: it stops the jobs itself, before it hands their years over. */
    private final ThreadPoolTaskExecutor jobs;
    private final Map<Integer, Future<?>> running = new ConcurrentHashMap<>();
    /** Years whose claim another node took while this node's job ran: their jobs stop. */
    private final Set<Integer> lost = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> renewals;
    private volatile boolean stopping;

    YearImportRunner(YearRuns runs, PageLedger pages, OutcomeLedger outcomes, MovieFetch fetch, TmdbClient tmdb,
                     CommandGateway commands, EventGateway events, TmdbLimits limits,
                     @Qualifier(BackgroundThreads.YEAR_IMPORT_JOBS) ThreadPoolTaskExecutor jobs) {
        this.runs = runs;
        this.lease = runs.lease();
        this.collaborators = new YearImportJob.Collaborators(tmdb, runs, pages, outcomes, fetch, commands);
        this.tmdb = tmdb;
        this.commands = commands;
        this.events = events;
        this.limits = limits;
        this.jobs = jobs;
    }

    @EventHandler
    @DisallowReplay
    void on(YearImportStarted event, @Timestamp Instant startedAt) {
        runs.markRunning(event.year(), startedAt, event.trigger());
        AfterCommit.run(() -> start(event.year()));
    }

    @EventHandler
    @DisallowReplay
    void on(YearImportCompleted event, @Timestamp Instant at) {
        runs.markEnded(event.year(), "completed", at);
    }

    @EventHandler
    @DisallowReplay
    void on(YearImportFailed event, @Timestamp Instant at) {
        runs.markEnded(event.year(), "failed", at);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunningImports() {
        resumeUnheld();
        renewals = lease.renewEveryThird(this::keepClaims);
    }

    /**
     * Resumes on this node every running year that no node holds: at start, and once a table its jobs need is
     * rebuilt (a job that lost a table stopped and let its year go).
     *
     * @return the years resumed here
     */
    public List<Integer> resumeUnheld() {
        List<Integer> years = lease.claimAllUnheld();
        for (int year : years) {
            log.info("Resuming the import of {}", year);
            start(year);
        }
        return years;
    }

    /**
     * Resumes the year's running import on this node, unless a job works on it here or another node holds it.
     *
     * @return whether this node now works on the year
     */
    public boolean resume(int year) {
        if (isRunningHere(year)) {
            return true;
        }
        if (!claim(year)) {
            return false;
        }
        start(year);
        return true;
    }

    /**
     * Claims the year's running import for this node, in the caller's transaction, unless another node's claim
     * holds; {@link #start(int)} it once that commits.
     */
    public boolean claim(int year) {
        return lease.claim(year);
    }

    /**
     * Takes over the year's import if it made no progress for {@code stallAfter}, whichever node held it, in the
     * caller's transaction; {@link #restart(int)} it once that commits.
     */
    public boolean seizeIfStalled(int year, Duration stallAfter) {
        return runs.stalled(year, stallAfter) && lease.seize(year);
    }

    /** Starts a new job of this node on the year, replacing the one that runs here, if any (stalled). */
    public void restart(int year) {
        Future<?> job = running.get(year);
        if (job != null) {
            log.warn("The import of {} made no progress for too long; its job here starts again", year);
            job.cancel(true);
            running.remove(year, job);
        }
        start(year);
    }

    /** Whether a job of this node works on the year now. */
    public boolean isRunningHere(int year) {
        return running.containsKey(year);
    }

    /** Renews the claims of this node's jobs, stops those whose claim was lost, takes over abandoned years. */
    private void keepClaims() {
        try {
            Set<Integer> held = Set.copyOf(running.keySet());
            Set<Integer> renewed = lease.renew(held);
            for (int year : held) {
                Future<?> job = running.get(year);
                if (!renewed.contains(year) && job != null) {
                    log.warn("This node no longer holds the import of {} (another node took it over, or it ended); "
                            + "its job here stops", year);
                    lost.add(year);
                    job.cancel(true);
                    running.remove(year, job);
                }
            }
            for (int year : lease.claimAbandoned()) {
                if (!isRunningHere(year)) {
                    log.info("Taking over the import of {}: no node renewed its claim", year);
                    start(year);
                }
            }
        } catch (Throwable e) {
            // Said here with what it costs; the next renewal tries again.
            log.warn("Could not renew this node's claims on running imports; trying again", e);
        }
    }

    /** Starts this node's job on the year, unless one runs here. */
    public void start(int year) {
        running.computeIfAbsent(year, y -> {
            lost.remove(y);
            CompletableFuture<Future<?>> self = new CompletableFuture<>();
            Future<?> job = jobs.submit(() -> runWhileStarted(y, self));
            self.complete(job);
            return job;
        });
    }

    private boolean stopped(int year) {
        return lost.contains(year) || stopping;
    }

    /** Runs the year's current run; a newer run that began while this one ended is run next. */
    private void runWhileStarted(int year, CompletableFuture<Future<?>> self) {
        // What the job logs carries the year as a field of its own in structured logs (README, Logs).
        try (MDC.MDCCloseable yearField = MDC.putCloseable(YEAR_FIELD, Integer.toString(year))) {
            runEachRun(year, self);
        }
    }

    private void runEachRun(int year, CompletableFuture<Future<?>> self) {
        Instant lastRun = null;
        try {
            Optional<Instant> run = runs.runStartedAt(year);
            while (run.isPresent() && !run.get().equals(lastRun) && !stopped(year)) {
                lastRun = run.get();
                run(year, lastRun);
                run = runs.runStartedAt(year);
            }
        } catch (RuntimeException e) {
            log.error("The job on the import of {} stopped unexpectedly; the claim runs out and is taken over", year, e);
        } finally {
            // Only this job's entry: a job started after this one was given up may be there already.
            running.remove(year, self.join());
        }
        try {
            Instant ended = lastRun;
            if (!stopped(year) && runs.runStartedAt(year).filter(newer -> !newer.equals(ended)).isPresent()
                    && lease.claim(year)) {
                start(year);
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for a newer run of {}; the claim runs out and is taken over", year, e);
        }
    }

    private void run(int year, Instant runStartedAt) {
        try (TmdbRequestPool detailWorkers = new TmdbRequestPool(limits, "year-" + year + "-details")) {
            events.publish(new TmdbTotalUpdated(tmdb.totalMovies(), "discover"));
            boolean completed = new YearImportJob(year, runStartedAt, collaborators, detailWorkers, lease.owner(),
                    () -> !stopped(year)).run();
            if (!completed && !stopped(year)) {
                lease.release(year);
            }
        } catch (ClaimLostException e) {
            log.info("The import of {} goes on elsewhere: {}", year, e.getMessage());
        } catch (TmdbCredentialsRejectedException e) {
            log.error("The import of {} stopped: {}", year, e.getMessage());
            try {
                commands.sendAndWait(new FailYearImport(year, e.getMessage()));
            } catch (YearImportNotRunningException alreadyEnded) {
                // ended on another node meanwhile
            }
        } catch (TmdbUnavailableException e) {
            log.warn("The import of {} paused, TMDb is unavailable: {}; the next trigger, starting the year again "
                    + "or restarting resumes it", year, tmdb.describe(e));
            lease.release(year);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (stopped(year)) {
                return;
            }
            log.error("The import of {} stopped unexpectedly; the next trigger, starting the year again or "
                    + "restarting resumes it", year, e);
            lease.release(year);
        }
    }

    /** Stops this node's jobs (interrupted, and waited for) and lets another node take their years over at once. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (renewals != null) {
            renewals.cancel(false);
        }
        jobs.shutdown();
        try {
            lease.handOver();
        } catch (RuntimeException e) {
            log.warn("Could not hand this node's running imports over; other nodes take them over when its claims "
                    + "run out", e);
        }
    }
}
