package org.cinegraph.command.changes;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.command.catalogue.ImportedMovies;
import org.cinegraph.command.export.ExportSweepRunner;
import org.cinegraph.command.node.BackgroundThreads;
import org.cinegraph.command.tmdb.ChangesPage;
import org.cinegraph.command.tmdb.ContentHash;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.command.tmdb.TmdbMovie;
import org.cinegraph.command.tmdb.TmdbNotFoundException;
import org.cinegraph.command.tmdb.TmdbRequestPool;
import org.cinegraph.events.ChangeFeedRead;
import org.cinegraph.events.ChangeSyncCompleted;
import org.cinegraph.events.ChangeSyncFailed;
import org.cinegraph.events.ChangeSyncStarted;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.MovieUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delta sync: reads TMDb's change feed from the day the last sync read up to (or, the first time, from the
 * day the first year import started) to today, in windows of at most 14 days, fetches again each listed
 * movie that is in the catalogue, and records {@link MovieUpdated} only when the record's content really
 * changed. One sync runs at a time across all nodes; its node holds a lease on it, renewed while it runs.
 */
@Component
public class ChangeSyncRunner {

    /** TMDb's change feed serves at most 14 days a request: both ends inclusive, 13 days apart. */
    static final int WINDOW_DAYS = 14;
    /** TMDb serves pages 1 to 500 of a query. */
    static final int MAX_PAGES = 500;
    private static final Logger log = LoggerFactory.getLogger(ChangeSyncRunner.class);

    private final ChangeLedger ledger;
    private final ImportedMovies imported;
    private final ExportSweepRunner sweeps;
    private final TmdbClient tmdb;
    private final EventGateway events;
    private final TmdbLimits limits;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean runningHere = new AtomicBoolean();
    /** Set when the claim of the sync running here could not be renewed: the sync stops at its next step. */
    private volatile boolean claimLost;
    /** This runner's own thread: it stops the sync itself, which releases its lease. */
    private final ThreadPoolTaskExecutor syncs;

    ChangeSyncRunner(ChangeLedger ledger, ImportedMovies imported, ExportSweepRunner sweeps, TmdbClient tmdb, EventGateway events,
                     TmdbLimits limits, PlatformTransactionManager transactions, Clock clock,
                     @Qualifier(BackgroundThreads.CHANGE_SYNC) ThreadPoolTaskExecutor syncs) {
        this.ledger = ledger;
        this.imported = imported;
        this.sweeps = sweeps;
        this.tmdb = tmdb;
        this.events = events;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.syncs = syncs;
    }

    /**
     * Claims the sync for this node, in the caller's transaction, unless a sync runs (here or on another node
     * whose claim holds). A claim is followed by {@link #startSync(ImportTrigger)} once that transaction commits.
     */
    public boolean claimSync() {
        return !runningHere.get() && ledger.claim();
    }

    /** Runs the sync this node claimed, in the background. */
    public void startSync(ImportTrigger trigger) {
        if (runningHere.compareAndSet(false, true)) {
            claimLost = false;
            syncs.execute(() -> {
                try {
                    run(trigger);
                } finally {
                    runningHere.set(false);
                }
            });
        }
    }

    private void run(ImportTrigger trigger) {
        ScheduledFuture<?> renewal = ledger.renewEveryThird(this::renew);
        Counts counts = new Counts();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today;
        boolean completed = false;
        try (TmdbRequestPool fetchers = new TmdbRequestPool(limits, "change-sync-fetch")) {
            from = ledger.checkedUntil().or(imported::firstImportDay).orElse(today);
            events.publish(new ChangeSyncStarted(from, today, trigger));
            log.info("Delta sync: reading TMDb's change feed from {} to {}", from, today);
            for (LocalDate windowFrom = from; !windowFrom.isAfter(today); ) {
                LocalDate windowTo = min(windowFrom.plusDays(WINDOW_DAYS - 1), today);
                syncWindow(windowFrom, windowTo, fetchers, counts);
                recordRead(windowFrom, windowTo);
                windowFrom = windowTo.plusDays(1);
            }
            events.publish(new ChangeSyncCompleted(from, today, counts.changed, counts.checked, counts.updated,
                    counts.failed));
            log.info("Delta sync from {} to {} completed: {} changed on TMDb, {} in the catalogue fetched, {} updated, "
                    + "{} failed", from, today, counts.changed, counts.checked, counts.updated, counts.failed);
            completed = true;
        } catch (TmdbCredentialsRejectedException e) {
            log.error("The delta sync stopped: {}", e.getMessage());
            recordFailure(new ChangeSyncFailed(from, today, true, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SyncClaimLostException e) {
            log.warn("The delta sync stopped on this node: {}", e.getMessage());
        } catch (RuntimeException e) {
            String reason = e instanceof RefetchFailedException ? e.getMessage() : tmdb.describe(e);
            log.warn("The delta sync stopped: {}; the next one goes on from where it got to", reason);
            recordFailure(new ChangeSyncFailed(from, today, false, reason));
        } finally {
            renewal.cancel(false);
            releaseQuietly();
        }
        if (completed && trigger.inTurn()) {
            startSweep();
        }
    }

    /** The daily pass's sync is followed by a sweep of the day's export: it finds what no year lists. */
    private void startSweep() {
        try {
            sweeps.startScheduled();
        } catch (RuntimeException e) {
            log.warn("Could not start the sweep of TMDb's export after the delta sync; the next sync or an admin "
                    + "starts it", e);
        }
    }

    /**
     * The window was read and its changes recorded: the next sync goes on from its last day. Noted with its event
     * in one transaction, so the ledger can be rebuilt from the events to the same day.
     */
    private void recordRead(LocalDate from, LocalDate to) {
        transaction.executeWithoutResult(status -> {
            if (!ledger.holds()) {
                throw new SyncClaimLostException();
            }
            ledger.checkedUntil(to);
            events.publish(new ChangeFeedRead(from, to));
        });
    }

    private void recordFailure(ChangeSyncFailed failure) {
        try {
            events.publish(failure);
        } catch (RuntimeException e) {
            log.error("Could not record that the delta sync failed ({})", failure.reason(), e);
        }
    }

    private void releaseQuietly() {
        try {
            ledger.release();
        } catch (RuntimeException e) {
            log.warn("Could not release this node's claim on the delta sync; it runs out by itself", e);
        }
    }

    private void renew() {
        try {
            if (!ledger.renew()) {
                log.warn("This node lost its claim on the delta sync; it stops");
                claimLost = true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew this node's claim on the delta sync", e);
        }
    }

    /**
     * Reads the window's every page and fetches again the listed movies the catalogue holds. A window of more
     * pages than TMDb serves (500) is read in halves, down to single days.
     *
     * @throws RefetchFailedException when a movie could not be fetched (TMDb unavailable, or an answer that is
     *                                not its record): the window is read again by the next sync
     */
    private void syncWindow(LocalDate from, LocalDate to, TmdbRequestPool fetchers, Counts counts)
            throws InterruptedException {
        ChangesPage first = page(from, to, 1);
        if (first.totalPages() > MAX_PAGES && from.isBefore(to)) {
            LocalDate middle = from.plusDays((to.toEpochDay() - from.toEpochDay()) / 2);
            syncWindow(from, middle, fetchers, counts);
            syncWindow(middle.plusDays(1), to, fetchers, counts);
            return;
        }
        if (first.totalPages() > MAX_PAGES) {
            log.warn("Delta sync: TMDb lists {} pages of changes for {}, more than the {} it serves; the movies past "
                    + "them are not checked", first.totalPages(), from, MAX_PAGES);
        }
        int totalPages = Math.min(first.totalPages(), MAX_PAGES);
        ChangesPage changes = first;
        for (int page = 1; page <= totalPages; page++) {
            if (page > 1) {
                changes = page(from, to, page);
            }
            counts.changed += changes.tmdbIds().size();
            List<Integer> held = imported.among(changes.tmdbIds());
            List<Future<TmdbMovie>> fetches = new ArrayList<>();
            for (int tmdbId : held) {
                fetches.add(fetchers.submit(() -> tmdb.movie(tmdbId)));
            }
            List<TmdbMovie> fetched = new ArrayList<>();
            for (int i = 0; i < fetches.size(); i++) {
                try {
                    fetched.add(fetches.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof TmdbCredentialsRejectedException rejected) {
                        throw rejected;
                    }
                    if (!(cause instanceof TmdbNotFoundException)) {
                        // An answer that is not the movie's record (a body cut short, say) would lose its change
                        // for good if the window were counted as read: the next sync reads the window again.
                        throw new RefetchFailedException(held.get(i), tmdb.describe(cause));
                    }
                    // Gone from TMDb: there is nothing left to update, and fetching it again would not help.
                    counts.failed++;
                    log.info("Delta sync: movie {} could not be fetched again: {}", held.get(i), tmdb.describe(cause));
                }
            }
            counts.checked += held.size();
            counts.updated += record(fetched);
        }
    }

    private ChangesPage page(LocalDate from, LocalDate to, int page) {
        if (claimLost) {
            throw new SyncClaimLostException();
        }
        return tmdb.changes(from, to, page);
    }

    /** Records the movies whose content changed, each with its new hash, in one transaction. */
    private int record(List<TmdbMovie> fetched) {
        Integer updated = transaction.execute(status -> {
            if (!ledger.holds()) {
                throw new SyncClaimLostException();
            }
            int changed = 0;
            for (TmdbMovie movie : fetched) {
                if (imported.replaceHash(movie.tmdbId(), ContentHash.of(movie.record()))) {
                    events.publish(new MovieUpdated(movie.tmdbId(), movie.imdbId(), movie.title(), movie.releaseDate(),
                            movie.json()));
                    changed++;
                }
            }
            return changed;
        });
        return updated == null ? 0 : updated;
    }

    /** Interrupts the sync running here, and waits for it to release its lease. */
    @PreDestroy
    void stop() {
        syncs.shutdown();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Another node runs the sync now: this node stops without recording anything more. */
    private static final class SyncClaimLostException extends RuntimeException {

        SyncClaimLostException() {
            super("this node no longer holds the claim on the delta sync");
        }
    }

    /**
     * A listed movie could not be fetched, for a reason other than its being gone from TMDb; the window is read
     * again next time, so its change is not lost.
     */
    private static final class RefetchFailedException extends RuntimeException {

        RefetchFailedException(int tmdbId, String reason) {
            super("movie " + tmdbId + " could not be fetched again (" + reason + "); the next sync reads its days "
                    + "again");
        }
    }

    private static final class Counts {
        int changed;
        int checked;
        int updated;
        int failed;
    }
}
