package org.cinegraph.command.catalogue;

import java.util.List;
import java.util.Optional;
import org.cinegraph.command.tmdb.LookupFailure;
import org.cinegraph.command.tmdb.TitleKey;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.springframework.stereotype.Component;

/**
 * Imports single movies that something other than a year's discover found (a festival nomination's film, a
 * canonical list's member), through the same fetch, quality filter and ledger as a year import: a movie already
 * imported or skipped, by whatever source, is never fetched or recorded again.
 */
@Component
public class MovieImports {

    private final OutcomeLedger ledger;
    private final MovieFetch fetch;
    private final TmdbClient tmdb;

    MovieImports(OutcomeLedger ledger, MovieFetch fetch, TmdbClient tmdb) {
        this.ledger = ledger;
        this.fetch = fetch;
        this.tmdb = tmdb;
    }

    /**
     * Imports the movie unless it has a final outcome already.
     *
     * @param title the title it was found under, kept on a failure
     * @return its outcome now; empty only when the fetch was interrupted (the node is stopping)
     * @throws org.cinegraph.command.tmdb.TmdbCredentialsRejectedException when TMDb refuses the credentials
     */
    public Optional<KnownMovie> importMovie(int tmdbId, String title, ImportSource source) {
        Optional<KnownMovie> known = ledger.outcomeOf(tmdbId);
        if (known.isPresent() && known.get().kind() != MovieOutcome.Kind.FAILED) {
            return known;
        }
        MovieOutcome outcome = fetch.fetch(tmdbId, title, null, source);
        if (outcome == null) {
            return Optional.empty();
        }
        ledger.record(outcome);
        return ledger.outcomeOf(tmdbId);
    }

    /** What {@link #importIfUnknown} did. */
    public enum Recorded {
        /** This call recorded the movie's first outcome. */
        NEW,
        /** The movie had an outcome already, a failure too; or another source recorded one meanwhile. */
        KNOWN,
        /** The fetch was interrupted (the node is stopping): nothing was recorded. */
        INTERRUPTED
    }

    /**
     * Imports the movie unless it has any outcome, a failure included (a failure is retried as a failure of its
     * source, not found again by another).
     *
     * @throws org.cinegraph.command.tmdb.TmdbCredentialsRejectedException when TMDb refuses the credentials
     */
    public Recorded importIfUnknown(int tmdbId, String title, ImportSource source) {
        if (ledger.outcomeOf(tmdbId).isPresent()) {
            return Recorded.KNOWN;
        }
        MovieOutcome outcome = fetch.fetch(tmdbId, title, null, source);
        if (outcome == null) {
            return Recorded.INTERRUPTED;
        }
        return ledger.record(outcome) ? Recorded.NEW : Recorded.KNOWN;
    }

    /**
     * Records that the movie's import from {@code source} failed in a way its fetch does not record (its outcome
     * could not be written, say) as the movie's failure: listed in {@code GET /api/import/failures} and retried
     * like a failed fetch. Nothing is recorded when the movie has a final outcome (imported or skipped) meanwhile.
     *
     * @param title the title it was found under
     * @param error what went wrong, described without secrets
     */
    public void recordFailure(int tmdbId, String title, ImportSource source, RuntimeException error) {
        String reason = LookupFailure.reasonOf(error);
        String detail = "Its import could not be recorded: " + tmdb.describe(error);
        ledger.record(new MovieOutcome(tmdbId, null, source, MovieOutcome.Kind.FAILED, null, null, title, null,
                attempt -> new MovieImportFailed(tmdbId, null, title, null, source.value(), reason, attempt,
                        detail)));
    }

    /** A movie imported or skipped before whose IMDb id is {@code imdbId}, without asking TMDb. */
    public Optional<KnownMovie> knownByImdbId(String imdbId) {
        return ledger.knownByImdbId(imdbId);
    }

    /**
     * The imported movie with this title released in {@code year}, give or take one: the one nearest the year,
     * when exactly one is nearest; none when two are as near (a remake the same year), so a search decides.
     */
    public Optional<KnownMovie> importedByTitle(String title, int year) {
        String key = TitleKey.of(title);
        if (key == null) {
            return Optional.empty();
        }
        List<KnownMovie> candidates = ledger.importedByTitle(key, year, year);
        if (candidates.isEmpty()) {
            candidates = ledger.importedByTitle(key, year - 1, year + 1);
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * Fetches again every movie whose last import from {@code source} failed.
     *
     * @return how many of them are now imported or skipped
     */
    public int retryFailures(ImportSource source) {
        int resolved = 0;
        for (OutcomeLedger.FailedMovie failed : ledger.failed(source)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            MovieOutcome outcome = fetch.fetch(failed.tmdbId(), null, failed.year(), source);
            if (outcome != null && ledger.record(outcome) && outcome.kind() != MovieOutcome.Kind.FAILED) {
                resolved++;
            }
        }
        return resolved;
    }

    /**
     * Fetches again the movie whose last import from {@code source} failed.
     *
     * @return whether there was such a failure to retry
     */
    public boolean retryFailure(ImportSource source, int tmdbId) {
        Optional<OutcomeLedger.FailedMovie> failed = ledger.failed(source, tmdbId);
        failed.ifPresent(movie -> {
            MovieOutcome outcome = fetch.fetch(movie.tmdbId(), null, movie.year(), source);
            if (outcome != null) {
                ledger.record(outcome);
            }
        });
        return failed.isPresent();
    }

    /** Whether the movie's last import from {@code source} failed. */
    public boolean isFailure(ImportSource source, int tmdbId) {
        return ledger.failed(source, tmdbId).isPresent();
    }

    /** How many movies' last import from {@code source} failed. */
    public int failureCount(ImportSource source) {
        return ledger.failed(source).size();
    }
}
