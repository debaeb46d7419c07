package org.cinegraph.command.lists;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.cinegraph.command.catalogue.KnownMovie;
import org.cinegraph.command.catalogue.MovieImports;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.command.tmdb.FoundMovie;
import org.cinegraph.command.tmdb.LookupFailure;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.MovieImportFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the members of canonical lists in TMDb, by IMDb id: among the movies imported or skipped before, else
 * through TMDb's {@code /find}. A member found through {@code /find} is imported through the catalogue's
 * pipeline and quality filter, as {@code list:{key}}; the find is recorded before the import, so the import does
 * not find it a second time as a later import ({@link ListLedgerHandler}). A member not found stays open,
 * recorded as a failure: a retry, or the movie's later import, finds it.
 *
 * <p>One list is looked up by one thread of this node at a time (an upload's lookup, a retry and the start's
 * catch-up wait for one another), so no member is asked for twice at once. Two nodes may look up one list
 * together: the ledger records one find of each member, and the import ledger one outcome of each movie.
 */
@Component
public class ListMatcher {

    /** A list's key: lower case letters, digits, '-' and '_', short enough for {@code list:{key}} as a source. */
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9_-]{0,55}";
    private static final Logger log = LoggerFactory.getLogger(ListMatcher.class);

    private final ListLedger ledger;
    private final MovieImports movies;
    private final TmdbClient tmdb;
    private final BackgroundActions background;
    private final Map<String, ReentrantLock> lookingUp = new ConcurrentHashMap<>();

    ListMatcher(ListLedger ledger, MovieImports movies, TmdbClient tmdb, BackgroundActions background) {
        this.ledger = ledger;
        this.movies = movies;
        this.tmdb = tmdb;
        this.background = background;
    }

    /**
     * Looks up the list's open members, only those never looked up or all of them (a retry), once no other
     * thread of this node looks the list up; and imports the movies of members found before whose import did
     * not happen (a stop came between).
     *
     * @throws TmdbCredentialsRejectedException when TMDb refuses the credentials: nothing more can be looked up,
     *     and the members not reached stay open
     */
    public Summary match(String key, boolean onlyPending) {
        ReentrantLock lock = lookingUp.computeIfAbsent(key, any -> new ReentrantLock());
        lock.lock();
        try {
            for (ListLedger.FoundEntry entry : ledger.foundNotImported(key)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                importMovie(key, entry.imdbId(), entry.tmdbId(), entry.title());
            }
            int found = 0;
            int notFound = 0;
            for (OpenEntry entry : ledger.open(key, onlyPending)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (resolve(entry)) {
                    found++;
                } else {
                    notFound++;
                }
            }
            return new Summary(found, notFound);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Looks up one open member of the list again: a retry of one failure.
     *
     * @return whether the member was open, to look up
     */
    public boolean matchOne(String key, String imdbId) {
        ReentrantLock lock = lookingUp.computeIfAbsent(key, any -> new ReentrantLock());
        lock.lock();
        try {
            Optional<OpenEntry> open = ledger.open(key, false).stream()
                    .filter(entry -> entry.imdbId().equals(imdbId)).findFirst();
            open.ifPresent(this::resolve);
            return open.isPresent();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the list's member of this IMDb id is open: never looked up, or not found. */
    public boolean isOpen(String key, String imdbId) {
        return ledger.open(key, false).stream().anyMatch(entry -> entry.imdbId().equals(imdbId));
    }

    /** Whether a list of this key was ever uploaded. */
    public boolean exists(String key) {
        return ledger.keys().contains(key);
    }

    /** Every list's key, to retry the failed imports of their movies. */
    public List<String> keys() {
        return ledger.keys();
    }

    /** How many of the list's members are open: never looked up, or not found. */
    public int openCount(String key) {
        return ledger.openCount(key);
    }

    /** Catches up after a stop between recording a list and looking its members up: members never looked up. */
    @EventListener(ApplicationReadyEvent.class)
    void matchNeverTried() {
        background.start("Looking up the list members a stop left unlooked-up", () -> {
            for (String key : ledger.keysToCatchUp()) {
                try {
                    Summary summary = match(key, true);
                    log.info("List {}: members left unlooked-up by a stop: {} found, {} not", key, summary.found(),
                            summary.notFound());
                } catch (RuntimeException e) {
                    log.warn("List {}: members left unlooked-up by a stop could not be looked up: {}", key,
                            tmdb.describe(e));
                    return;
                }
            }
        });
    }

    /** @return whether the member is found now */
    private boolean resolve(OpenEntry entry) {
        Optional<KnownMovie> known = movies.knownByImdbId(entry.imdbId());
        if (known.isPresent()) {
            ledger.found(entry, known.get().tmdbId(), ListEntryFound.AMONG_KNOWN);
            return true;
        }
        List<FoundMovie> results;
        try {
            results = tmdb.findByImdbId(entry.imdbId());
        } catch (TmdbCredentialsRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("List {}: {} could not be looked up: {}", entry.key(), entry.imdbId(), tmdb.describe(e));
            ledger.notFound(entry, LookupFailure.reasonOf(e), tmdb.describe(e));
            return false;
        }
        if (results.isEmpty()) {
            ledger.notFound(entry, MovieImportFailed.NO_TMDB_MATCH, "TMDb knows no movie of IMDb id "
                    + entry.imdbId() + (entry.title() == null ? "" : " ('" + entry.title() + "'"
                    + (entry.year() == null ? "" : ", " + entry.year()) + ")"));
            return false;
        }
        int tmdbId = results.get(0).tmdbId();
        if (ledger.found(entry, tmdbId, ListEntryFound.BY_FIND)) {
            importMovie(entry.key(), entry.imdbId(), tmdbId, entry.title());
        }
        return true;
    }

    /**
     * A failed fetch is recorded as the movie's failure by the import; any other failure of the import (its outcome
     * could not be written, say) is recorded here as the movie's failure, to retry. When even that cannot be
     * written, the member is found and its movie has no outcome: the next lookup of the list, a retry or the
     * next start, imports it ({@link ListLedger#foundNotImported}). Only refused credentials stop the lookup.
     */
    private void importMovie(String key, String imdbId, int tmdbId, String title) {
        ImportSource source = ImportSource.list(key);
        try {
            movies.importMovie(tmdbId, title, source);
        } catch (TmdbCredentialsRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the node is stopping; the next start imports the movie
            }
            try {
                movies.recordFailure(tmdbId, title, source, e);
            } catch (RuntimeException notRecorded) {
                notRecorded.addSuppressed(e);
                log.error("List {}: movie {} (TMDb {}) could not be imported, nor its failure recorded; the next "
                        + "lookup of the list imports it", key, imdbId, tmdbId, notRecorded);
            }
        }
    }

    /** How many members a lookup found in TMDb, and how many it did not. */
    public record Summary(int found, int notFound) {
    }
}
