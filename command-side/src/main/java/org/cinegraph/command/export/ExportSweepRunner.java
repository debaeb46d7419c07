package org.cinegraph.command.export;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.GenericMessage;
import org.cinegraph.command.catalogue.MovieImports;
import org.cinegraph.command.ledger.StoredInstant;
import org.cinegraph.command.node.BackgroundThreads;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.command.tmdb.TmdbRequestPool;
import org.cinegraph.events.ExportRead;
import org.cinegraph.events.ExportSweepCompleted;
import org.cinegraph.events.ExportSweepFailed;
import org.cinegraph.events.ExportSweepProgressed;
import org.cinegraph.events.ExportSweepStarted;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.TmdbTotalUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep of TMDb's daily ID export: reads the newest export whole into bit sets ({@link ExportIds}), records
 * TMDb's total from it, imports every counted id the catalogue has no outcome for through the same fetch, quality
 * filter and ledger as every import (source {@code export}, within TMDb's rate limit), in ascending id order, noting
 * how far it got after each chunk ({@link ExportSweepProgressed}), then records the movies the export no longer
 * lists as removed, and those it lists again as restored. One sweep runs at a time across all nodes; its node holds
 * a lease on it. A sweep whose node stopped or was killed is resumed where it got to, from the same export, by the
 * next node that starts or the next request: no movie is fetched twice for it, none recorded twice.
 *
 * <p>Removals are decided only from a file read to its end, and only up to {@link SweepSettings#removalLimit()}
 * unless an admin confirms: an export that would remove more records none of them and says so in its
 * {@link ExportSweepCompleted}.
 */
@Component
public class ExportSweepRunner {

    static final String TOTAL_SOURCE = "export";
    /** Ids fetched between two notes of progress: what a sweep resumed may fetch again at most, for nothing. */
    private static final int CHUNK = 200;
    /** Removals recorded per transaction. */
    private static final int REMOVAL_BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ExportSweepRunner.class);

    private final SweepLedger ledger;
    private final RemovalLedger removals;
    private final CatalogueIds catalogue;
    private final ExportFiles exports;
    private final MovieImports movies;
    private final TmdbClient tmdb;
    private final TmdbLimits limits;
    private final SweepSettings settings;
    private final EventGateway events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ThreadPoolTaskExecutor thread;
    private final AtomicBoolean runningHere = new AtomicBoolean();
    /** Set when this node's claim could not be renewed: the sweep stops at its next step. */
    private volatile boolean claimLost;

    ExportSweepRunner(SweepLedger ledger, RemovalLedger removals, CatalogueIds catalogue, ExportFiles exports,
                      MovieImports movies, TmdbClient tmdb, TmdbLimits limits, SweepSettings settings,
                      EventGateway events, PlatformTransactionManager transactions, Clock clock,
                      @Qualifier(BackgroundThreads.EXPORT_SWEEP) ThreadPoolTaskExecutor thread) {
        this.ledger = ledger;
        this.removals = removals;
        this.catalogue = catalogue;
        this.exports = exports;
        this.movies = movies;
        this.tmdb = tmdb;
        this.limits = limits;
        this.settings = settings;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.thread = thread;
    }

    /**
     * Starts a sweep on this node unless one runs (here, or on another node whose lease holds); a sweep interrupted
     * before is resumed instead of started anew.
     *
     * @param confirmRemovals an admin confirms the removals of this sweep, however many
     * @return whether a sweep now runs on this node for this call
     */
    public boolean start(ImportTrigger trigger, boolean confirmRemovals) {
        if (runningHere.get() || !ledger.claim()) {
            return false;
        }
        if (!runningHere.compareAndSet(false, true)) {
            return false;
        }
        claimLost = false;
        thread.execute(() -> {
            try {
                run(trigger, confirmRemovals);
            } finally {
                runningHere.set(false);
            }
        });
        return true;
    }

    /**
     * The sweep that follows the range's completion and each daily delta sync, unless sweeps are left to admins;
     * nothing when one runs already.
     */
    public void startScheduled() {
        if (settings.automatic()) {
            start(ImportTrigger.SCHEDULE, false);
        }
    }

    /** Whether a sweep runs, here or on another node. */
    public boolean running() {
        return runningHere.get() || ledger.held();
    }

    /** Resumes at start a sweep that a node stopped or killed in the middle left, if no node holds it. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        resumeUnheld();
    }

    /** Resumes a sweep left in the middle that no node holds. @return whether one was resumed here */
    public boolean resumeUnheld() {
        try {
            if (ledger.current().running()) {
                log.info("Resuming the sweep of TMDb's export that a node left in the middle");
                return start(ImportTrigger.SCHEDULE, false);
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for an interrupted sweep of TMDb's export; the next one resumes it", e);
        }
        return false;
    }

    private void run(ImportTrigger trigger, boolean confirmRemovals) {
        ScheduledFuture<?> renewal = ledger.renewEveryThird(this::renew);
        LocalDate exportDate = null;
        try {
            SweepLedger.Sweep left = ledger.current();
            boolean resumed = left.running();
            ExportIds ids = settings.entries().ids(catalogue.withOutcome());
            ExportScan scan;
            if (resumed) {
                exportDate = left.exportDate();
                log.info("Export sweep: reading TMDb's export of {} again, to go on after id {}", exportDate,
                        left.throughId());
                scan = exports.read(exportDate, ids);
            } else {
                scan = exports.readNewest(LocalDate.now(clock.withZone(ZoneOffset.UTC)), ids);
                exportDate = scan.exportDate();
                begin(exportDate, trigger, confirmRemovals);
            }
            log.info("Export sweep: TMDb's export of {} lists {} movies in {} lines ({} malformed); {} count, {} of "
                            + "them have no outcome yet", exportDate, ids.listed(), scan.entriesRead(),
                    scan.malformed(), ids.counted(), ids.missing());
            if (!resumed || !left.readWhole()) {
                recordRead(scan, ids);
            }
            long newMovies = sweep(exportDate, ids, resumed ? left : null);
            boolean confirmed = confirmRemovals || resumed && left.confirmRemovals();
            complete(exportDate, scan, ids, newMovies, confirmed);
        } catch (TmdbCredentialsRejectedException e) {
            log.error("The export sweep stopped: {}", e.getMessage());
            fail(exportDate, e.getMessage());
        } catch (ExportNotFoundException | ExportUnreadableException e) {
            log.warn("The export sweep stopped: {}", e.getMessage());
            fail(exportDate, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("The export sweep stopped with its node; the next start goes on where it got to");
        } catch (SweepClaimLostException e) {
            log.warn("The export sweep stopped on this node: {}", e.getMessage());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("The export sweep stopped with its node; the next start goes on where it got to");
            } else {
                log.warn("The export sweep stopped: {}", tmdb.describe(e), e);
                fail(exportDate, tmdb.describe(e));
            }
        } finally {
            renewal.cancel(false);
            releaseQuietly();
        }
    }

    private void begin(LocalDate exportDate, ImportTrigger trigger, boolean confirmRemovals) {
        Instant now = now();
        fenced(() -> {
            ledger.start(exportDate, trigger, confirmRemovals, now);
            publishAt(new ExportSweepStarted(exportDate, trigger, confirmRemovals), now);
        });
    }

    /** The export was read whole: its figures, and TMDb's total from it, with the row that says so. */
    private void recordRead(ExportScan scan, ExportIds ids) {
        fenced(() -> {
            ledger.readWhole();
            events.publish(new ExportRead(scan.exportDate(), scan.entriesRead(), ids.listed(), ids.counted(),
                    scan.malformed(), scan.malformedLines()));
            events.publish(new TmdbTotalUpdated(ids.counted(), TOTAL_SOURCE));
        });
    }

    /**
     * Imports the counted ids that had no outcome, after where a sweep left off, a chunk at a time, each chunk's
     * fetches side by side as TMDb's limits allow.
     *
     * @return how many movies this sweep recorded, those of the run it resumes included
     */
    private long sweep(LocalDate exportDate, ExportIds ids, SweepLedger.Sweep left) throws InterruptedException {
        int throughId = left == null ? 0 : left.throughId();
        long newMovies = left == null ? 0 : left.newMovies();
        PrimitiveIterator.OfInt missing = ids.missingAfter(throughId).iterator();
        try (TmdbRequestPool fetchers = new TmdbRequestPool(limits, "export-sweep-fetch")) {
            while (missing.hasNext()) {
                List<Integer> chunk = new ArrayList<>(CHUNK);
                while (missing.hasNext() && chunk.size() < CHUNK) {
                    chunk.add(missing.nextInt());
                }
                newMovies += fetch(chunk, fetchers);
                throughId = chunk.get(chunk.size() - 1);
                note(exportDate, throughId, ids.countedThrough(throughId), newMovies);
            }
        }
        return newMovies;
    }

    private int fetch(List<Integer> chunk, TmdbRequestPool fetchers) throws InterruptedException {
        if (claimLost) {
            throw new SweepClaimLostException();
        }
        List<Future<MovieImports.Recorded>> fetches = new ArrayList<>(chunk.size());
        for (int tmdbId : chunk) {
            fetches.add(fetchers.submit(() -> movies.importIfUnknown(tmdbId, null, ImportSource.EXPORT)));
        }
        int recorded = 0;
        for (Future<MovieImports.Recorded> fetch : fetches) {
            MovieImports.Recorded result;
            try {
                result = fetch.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
            if (result == MovieImports.Recorded.INTERRUPTED) {
                throw new InterruptedException("the node is stopping");
            }
            if (result == MovieImports.Recorded.NEW) {
                recorded++;
            }
        }
        return recorded;
    }

    private void note(LocalDate exportDate, int throughId, long done, long newMovies) {
        fenced(() -> {
            ledger.progress(throughId, done, newMovies);
            events.publish(new ExportSweepProgressed(exportDate, throughId, done, newMovies));
        });
    }

    /**
     * Records the removals and restorations the export shows, then the sweep's completion. Removals beyond the limit
     * are withheld, unless confirmed: none of them is recorded.
     */
    private void complete(LocalDate exportDate, ExportScan scan, ExportIds ids, long newMovies, boolean confirmed) {
        BitSet held = catalogue.withOutcome();
        BitSet removedBefore = catalogue.removed();
        BitSet gone = ids.removals(removedBefore);
        gone.and(held);
        long limit = settings.removalLimit().of(held.cardinality());
        long withheld = 0;
        long removed = 0;
        Instant now = now();
        if (gone.cardinality() > limit && !confirmed) {
            withheld = gone.cardinality();
            log.warn("Export sweep: TMDb's export of {} no longer lists {} movies of the catalogue, more than the {} "
                    + "one sweep removes; none is recorded as removed until an admin confirms", exportDate, withheld,
                    limit);
        } else {
            for (int[] batch : batches(gone)) {
                removed += fencedCount(() -> removals.remove(batch, exportDate, now));
            }
        }
        long restored = 0;
        for (int[] batch : batches(ids.restorations(removedBefore))) {
            restored += fencedCount(() -> removals.restore(batch, exportDate, now));
        }
        long counted = ids.counted();
        Instant ended = now();
        ExportSweepCompleted completed = new ExportSweepCompleted(exportDate, scan.entriesRead(), counted,
                Math.max(0, counted - newMovies), newMovies, removed, restored, withheld, limit);
        fenced(() -> {
            ledger.end("completed", Optional.of(counted), ended);
            publishAt(completed, ended);
        });
        log.info("Export sweep of {} completed: {} counted, {} new, {} removed, {} restored{}", exportDate, counted,
                newMovies, removed, restored, withheld > 0 ? ", " + withheld + " removals withheld" : "");
    }

    private void fail(LocalDate exportDate, String reason) {
        try {
            Instant now = now();
            fenced(() -> {
                ledger.end("failed", Optional.empty(), now);
                publishAt(new ExportSweepFailed(exportDate, reason), now);
            });
        } catch (SweepClaimLostException e) {
            log.warn("The export sweep failed on this node, which no longer holds it: {}", reason);
        } catch (RuntimeException e) {
            log.error("Could not record that the export sweep failed ({})", reason, e);
        }
    }

    /** Runs the writes in one transaction, if this node still holds the sweep (and keeps it until they commit). */
    private void fenced(Runnable writes) {
        transaction.executeWithoutResult(status -> {
            if (!ledger.holds()) {
                throw new SweepClaimLostException();
            }
            writes.run();
        });
    }

    private long fencedCount(IntSupplier writes) {
        Integer count = transaction.execute(status -> {
            if (!ledger.holds()) {
                throw new SweepClaimLostException();
            }
            return writes.getAsInt();
        });
        return count == null ? 0 : count;
    }

    private static List<int[]> batches(BitSet ids) {
        List<int[]> batches = new ArrayList<>();
        int[] all = ids.stream().toArray();
        for (int from = 0; from < all.length; from += REMOVAL_BATCH) {
            batches.add(Arrays.copyOfRange(all, from, Math.min(all.length, from + REMOVAL_BATCH)));
        }
        return batches;
    }

    private Instant now() {
        return StoredInstant.of(clock.instant());
    }

    private void publishAt(Object event, Instant at) {
        events.publish(new GenericEventMessage<>(new GenericMessage<>(event), () -> at));
    }

    private void renew() {
        try {
            if (!ledger.renew()) {
                log.warn("This node lost its claim on the export sweep; it stops");
                claimLost = true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew this node's claim on the export sweep", e);
        }
    }

    private void releaseQuietly() {
        try {
            ledger.release();
        } catch (RuntimeException e) {
            log.warn("Could not release this node's claim on the export sweep; it runs out by itself", e);
        }
    }

    /** Interrupts the sweep running here, and waits for it to release its lease. */
    @PreDestroy
    void stop() {
        thread.shutdown();
    }

    /** Another node runs the sweep now: this node stops without recording anything more. */
    private static final class SweepClaimLostException extends RuntimeException {

        SweepClaimLostException() {
            super("this node no longer holds the claim on the export sweep");
        }
    }
}
