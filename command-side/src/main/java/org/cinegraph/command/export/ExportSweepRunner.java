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
    /** A file with more than one malformed line in this many is not TMDb's export. */
    private static final int MALFORMED_LINES_REFUSED = 100;
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
    /** The look, every third of a lease, for a sweep no node holds any more. */
    private volatile ScheduledFuture<?> watch;
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

    /**
     * Resumes at start a sweep that a node stopped or killed in the middle left, if no node holds it; and looks again
     * every third of a lease, so that a sweep whose node was killed is taken over once that node's lease ran out,
     * by a node that runs on or one started meanwhile.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        resumeUnheld();
        watch = ledger.renewEveryThird(() -> {
            if (!runningHere.get()) {
                resumeUnheld();
            }
        });
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
            }
            exportDate = scan.exportDate();
            refuseIfNotTmdbsFormat(scan, ids);
            Instant startedAt = resumed ? left.startedAt() : begin(exportDate, trigger, confirmRemovals);
            log.info("Export sweep: TMDb's export of {} lists {} movies in {} lines ({} malformed); {} count, {} of "
                            + "them have no outcome yet", exportDate, ids.listed(), scan.entriesRead(),
                    scan.malformed(), ids.counted(), ids.missing());
            if (!resumed || !left.readWhole()) {
                recordRead(scan, ids);
            }
            sweep(exportDate, ids, resumed ? left : null, startedAt);
            boolean confirmed = confirmRemovals || resumed && left.confirmRemovals();
            complete(exportDate, scan, ids, startedAt, confirmed, left.removalsWithheld());
        } catch (TmdbCredentialsRejectedException e) {
            log.error("The export sweep stopped: {}", e.getMessage());
            fail(exportDate, e.getMessage());
        } catch (ExportNotFoundException e) {
            log.warn("The export sweep stopped: {}", e.getMessage());
            fail(null, e.getMessage());
        } catch (ExportUnreadableException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("The export sweep stopped with its node; the next start goes on where it got to");
            } else {
                log.warn("The export sweep stopped: {}", e.getMessage());
                fail(e.day(), e.getMessage());
            }
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

    /**
     * A file read whole that is not TMDb's export (its format changed, a page of errors served as the file) decides
     * nothing, not even TMDb's total: one that lists no movie, or more than one malformed line in a hundred.
     */
    private static void refuseIfNotTmdbsFormat(ExportScan scan, ExportIds ids) {
        if (ids.listed() == 0 || scan.malformed() * MALFORMED_LINES_REFUSED > scan.entriesRead()) {
            throw new ExportUnreadableException(scan.exportDate(), "TMDb's export of " + scan.exportDate()
                    + " lists " + ids.listed() + " movies and holds " + scan.malformed() + " malformed lines of "
                    + scan.entriesRead() + ": not an export in TMDb's format, so nothing is decided from it", null);
        }
    }

    /** @return when the sweep began, as its row and its event record it */
    private Instant begin(LocalDate exportDate, ImportTrigger trigger, boolean confirmRemovals) {
        Instant now = now();
        fenced(() -> {
            ledger.start(exportDate, trigger, confirmRemovals, now);
            publishAt(new ExportSweepStarted(exportDate, trigger, confirmRemovals), now);
        });
        return now;
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
     * fetches side by side as TMDb's limits allow. A sweep resumed counts what it recorded before from the ledger:
     * the chunk its node was killed in recorded movies it never noted.
     */
    private void sweep(LocalDate exportDate, ExportIds ids, SweepLedger.Sweep left, Instant startedAt)
            throws InterruptedException {
        int throughId = left == null ? 0 : left.throughId();
        long done = left == null ? 0 : left.done();
        long newMovies = left == null ? 0 : catalogue.sweptSince(startedAt);
        PrimitiveIterator.OfInt missing = ids.missingAfter(throughId).iterator();
        try (TmdbRequestPool fetchers = new TmdbRequestPool(limits, "export-sweep-fetch")) {
            while (missing.hasNext()) {
                List<Integer> chunk = new ArrayList<>(CHUNK);
                while (missing.hasNext() && chunk.size() < CHUNK) {
                    chunk.add(missing.nextInt());
                }
                newMovies += fetch(chunk, fetchers);
                int chunkEnd = chunk.get(chunk.size() - 1);
                done += ids.countedBetween(throughId, chunkEnd);
                throughId = chunkEnd;
                note(exportDate, throughId, done, newMovies);
            }
        }
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
     * Records the removals and restorations the export shows, then the sweep's completion. A movie counts as removed
     * only when its outcome is older than the file (its {@code Last-Modified}, else the start of its day: a movie TMDb
     * added since is not in it yet), and none is recorded
     * when they are more than the limit, or when the file held malformed lines (one of them may be the movie's),
     * unless an admin confirmed: up to as many as the last sweep withheld, or the limit, whichever is more.
     */
    private void complete(LocalDate exportDate, ExportScan scan, ExportIds ids, Instant startedAt, boolean confirmed,
                          long withheldBefore) {
        BitSet removedBefore = catalogue.removed();
        // A movie TMDb added after the file was made is not in it: only those the catalogue held by then can be gone.
        Instant madeAt = scan.madeAt() != null ? scan.madeAt() : exportDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        BitSet heldBefore = catalogue.withOutcomeBefore(madeAt);
        BitSet gone = ids.removals(removedBefore);
        gone.and(heldBefore);
        long limit = settings.removalLimit().of(heldBefore.cardinality());
        long found = gone.cardinality();
        boolean confirmedAll = confirmed && found <= Math.max(limit, withheldBefore);
        long withheld = 0;
        Instant now = now();
        if (found > 0 && !confirmedAll && (found > limit || scan.malformed() > 0)) {
            withheld = found;
            log.warn("Export sweep: TMDb's export of {} no longer lists {} movies of the catalogue; none is recorded "
                    + "as removed until an admin confirms ({})", exportDate, withheld, scan.malformed() > 0
                    ? "the file held " + scan.malformed() + " malformed lines" : "more than the " + limit
                    + " one sweep removes");
        } else {
            for (int[] batch : batches(gone)) {
                fencedCount(() -> removals.remove(batch, exportDate, now));
            }
        }
        long restored = 0;
        for (int[] batch : batches(ids.restorations(removedBefore))) {
            restored += fencedCount(() -> removals.restore(batch, exportDate, now));
        }
        long counted = ids.counted();
        long newMovies = catalogue.sweptSince(startedAt);
        long removed = catalogue.removedSince(startedAt);
        long withheldRemovals = withheld;
        Instant ended = now();
        ExportSweepCompleted completed = new ExportSweepCompleted(exportDate, scan.entriesRead(), counted,
                Math.max(0, counted - newMovies), newMovies, removed, restored, withheldRemovals, limit);
        fenced(() -> {
            ledger.complete(counted, withheldRemovals, ended);
            publishAt(completed, ended);
        });
        log.info("Export sweep of {} completed: {} counted, {} new, {} removed, {} restored{}", exportDate, counted,
                newMovies, removed, restored, withheld > 0 ? ", " + withheld + " removals withheld" : "");
    }

    private void fail(LocalDate exportDate, String reason) {
        try {
            Instant now = now();
            fenced(() -> {
                ledger.fail(now);
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
        ScheduledFuture<?> watching = watch;
        if (watching != null) {
            watching.cancel(false);
        }
        thread.shutdown();
    }

    /** Another node runs the sweep now: this node stops without recording anything more. */
    private static final class SweepClaimLostException extends RuntimeException {

        SweepClaimLostException() {
            super("this node no longer holds the claim on the export sweep");
        }
    }
}
