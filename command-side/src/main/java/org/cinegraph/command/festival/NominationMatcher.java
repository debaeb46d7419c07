package org.cinegraph.command.festival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinegraph.command.catalogue.KnownMovie;
import org.cinegraph.command.catalogue.MovieImports;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.command.tmdb.FoundMovie;
import org.cinegraph.command.tmdb.LookupFailure;
import org.cinegraph.command.tmdb.SearchConfidence;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.events.FestivalSubjects.FilmInCategory;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.NominationMatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Matches nominations to movies: by the film's IMDb id when the Academy's data gives one (among the movies
 * imported already, else through TMDb's {@code /find}), else by title and year among the imported movies, else by
 * TMDb's {@code /search/movie} with a {@link SearchConfidence} threshold. A film found in TMDb is imported through
 * the catalogue's pipeline and quality filter, as {@code festival:{org}}. The match is recorded before the
 * movie's import, so the import does not match it a second time as a later import ({@link FestivalLedgerHandler}).
 * A film not found stays an open nomination, recorded as a failure: a retry, or the movie's later import, matches it.
 */
@Component
public class NominationMatcher {

    private static final Logger log = LoggerFactory.getLogger(NominationMatcher.class);

    private final MatchLedger ledger;
    private final MovieImports movies;
    private final TmdbClient tmdb;
    private final BackgroundActions background;

    NominationMatcher(MatchLedger ledger, MovieImports movies, TmdbClient tmdb, BackgroundActions background) {
        this.ledger = ledger;
        this.movies = movies;
        this.tmdb = tmdb;
        this.background = background;
    }

    /**
     * Matches the ceremony's nominations never tried yet.
     *
     * @throws TmdbCredentialsRejectedException when TMDb refuses the credentials: the nominations not reached stay
     *     never tried, for the next start or a retry, instead of each being recorded as a failure
     */
    Summary matchCeremony(String organization, int year) {
        return match(ledger.pending(organization, year));
    }

    /**
     * Tries every open nomination of the organization again (or only those never tried): a retry. First imports
     * the films of nominations matched before whose import left no outcome (a stop, or a failure that could not
     * be recorded, came between).
     */
    public Summary matchOpen(String organization, boolean onlyPending) {
        for (MatchLedger.MatchedFilm film : ledger.matchedNotImported(organization)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            importFilm(film.tmdbId(), film.nomination());
        }
        return match(ledger.open(organization, onlyPending));
    }

    /**
     * Tries again the open nominations of one film in one category of a ceremony: a retry of one failure.
     *
     * @return what it matched; none of either when no such nomination is open
     */
    public Summary matchOne(String organization, FilmInCategory film) {
        return match(openOf(organization, film));
    }

    private List<OpenNomination> openOf(String organization, FilmInCategory film) {
        return ledger.open(organization, false).stream()
                .filter(nomination -> nomination.year() == film.year() && nomination.category().equals(film.category())
                        && film.film().equals(nomination.film()))
                .toList();
    }

    /** Whether a nomination of this film in this category of the ceremony is open. */
    public boolean isOpen(String organization, FilmInCategory film) {
        return !openOf(organization, film).isEmpty();
    }

    /** How many of the organization's nominations are open: never tried, or not matched. */
    public int openCount(String organization) {
        return ledger.open(organization, false).size();
    }

    /**
     * Catches up after a stop between recording a ceremony and matching it (nominations never tried), or between
     * matching a film and importing it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void matchNeverTried() {
        background.start("Matching the nominations a stop left unmatched", () -> {
            try {
                Summary summary = matchOpen(CeremonyImport.AMPAS, true);
                if (summary.matched() + summary.unmatched() > 0) {
                    log.info("Nominations left unmatched by a stop: {} matched, {} not", summary.matched(),
                            summary.unmatched());
                }
            } catch (RuntimeException e) {
                log.warn("Nominations left unmatched by a stop could not be matched: {}", tmdb.describe(e));
            }
        });
    }

    private Summary match(List<OpenNomination> open) {
        Map<OpenNomination.FilmInCeremony, List<OpenNomination>> byFilm = new LinkedHashMap<>();
        open.forEach(nomination -> byFilm.computeIfAbsent(nomination.filmInCeremony(), film -> new ArrayList<>())
                .add(nomination));
        int matched = 0;
        int unmatched = 0;
        for (List<OpenNomination> nominations : byFilm.values()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            OpenNomination first = nominations.get(0);
            Resolution resolution = resolve(first);
            for (OpenNomination nomination : nominations) {
                if (resolution.found()) {
                    if (ledger.matched(nomination, resolution.tmdbId(), resolution.imdbId(), resolution.method())) {
                        matched++;
                    }
                } else {
                    ledger.failed(nomination, resolution.reason(), resolution.message());
                    unmatched++;
                }
            }
            if (resolution.found() && resolution.importIt()) {
                importFilm(resolution.tmdbId(), first);
            }
        }
        return new Summary(matched, unmatched);
    }

    /**
     * A failed fetch is recorded as the movie's failure by the import; any other failure of the import (its outcome
     * could not be written, say) is recorded here as the movie's failure, to retry. When even that cannot be
     * written, the film is matched and has no outcome: {@link #matchOpen} imports it again. Only refused
     * credentials stop the matching.
     */
    private void importFilm(int tmdbId, OpenNomination nomination) {
        ImportSource source = ImportSource.festival(nomination.organization());
        try {
            movies.importMovie(tmdbId, nomination.film(), source);
        } catch (TmdbCredentialsRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the node is stopping; the next start imports the film (matchNeverTried)
            }
            try {
                movies.recordFailure(tmdbId, nomination.film(), source, e);
            } catch (RuntimeException notRecorded) {
                notRecorded.addSuppressed(e);
                log.error("Film '{}' (TMDb {}) of a nomination could not be imported, nor its failure recorded; a "
                        + "retry of {} or the next start imports it", nomination.film(), tmdbId, source, notRecorded);
            }
        }
    }

    private Resolution resolve(OpenNomination nomination) {
        try {
            if (nomination.imdbId() != null) {
                Optional<KnownMovie> known = movies.knownByImdbId(nomination.imdbId());
                if (known.isPresent()) {
                    return Resolution.match(known.get().tmdbId(), nomination.imdbId(), NominationMatched.BY_IMDB_ID,
                            false);
                }
                List<FoundMovie> found = tmdb.findByImdbId(nomination.imdbId());
                if (!found.isEmpty()) {
                    return Resolution.match(found.get(0).tmdbId(), nomination.imdbId(), NominationMatched.BY_IMDB_ID,
                            true);
                }
            }
            Optional<KnownMovie> local = movies.importedByTitle(nomination.film(), nomination.filmYear());
            if (local.isPresent()) {
                return Resolution.match(local.get().tmdbId(), local.get().imdbId(), NominationMatched.BY_TITLE_AND_YEAR,
                        false);
            }
            List<FoundMovie> results = tmdb.searchMovies(nomination.film());
            Optional<SearchConfidence.Scored> best = SearchConfidence.best(nomination.film(), nomination.filmYear(),
                    results);
            if (best.isPresent()) {
                return Resolution.match(best.get().movie().tmdbId(), null, NominationMatched.BY_SEARCH, true);
            }
            return Resolution.failed(MovieImportFailed.NO_TMDB_MATCH, noMatch(nomination, results));
        } catch (TmdbCredentialsRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Nomination of '{}' ({} {}) could not be matched: {}", nomination.film(),
                    nomination.organization(), nomination.year(), tmdb.describe(e));
            return Resolution.failed(LookupFailure.reasonOf(e), tmdb.describe(e));
        }
    }

    private static String noMatch(OpenNomination nomination, List<FoundMovie> results) {
        String searched = "TMDb knows no movie '" + nomination.film() + "' of " + (nomination.filmYear() - 1) + " to "
                + (nomination.filmYear() + 1) + (nomination.imdbId() == null ? "" : " nor " + nomination.imdbId());
        return SearchConfidence.closest(nomination.film(), nomination.filmYear(), results)
                .map(closest -> searched + "; the closest result, '" + closest.movie().title() + "' ("
                        + (closest.movie().releaseDate() == null ? "no date" : closest.movie().releaseDate().getYear())
                        + ", TMDb " + closest.movie().tmdbId() + "), scored " + String.format("%.2f", closest.confidence())
                        + " of the " + SearchConfidence.THRESHOLD + " needed")
                .orElse(searched);
    }

    /** How many nominations a matching matched, and how many it left unmatched. */
    public record Summary(int matched, int unmatched) {
    }

    private record Resolution(boolean found, int tmdbId, String imdbId, String method, boolean importIt,
                              String reason, String message) {

        static Resolution match(int tmdbId, String imdbId, String method, boolean importIt) {
            return new Resolution(true, tmdbId, imdbId, method, importIt, null, null);
        }

        static Resolution failed(String reason, String message) {
            return new Resolution(false, 0, null, null, false, reason, message);
        }
    }
}
