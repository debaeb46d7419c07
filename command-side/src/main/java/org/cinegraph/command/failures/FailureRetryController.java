package org.cinegraph.command.failures;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.cinegraph.command.festival.CeremonyImport;
import org.cinegraph.command.festival.NominationMatcher;
import org.cinegraph.command.lists.ListMatcher;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.command.catalogue.MovieImports;
import org.cinegraph.events.FestivalSubjects;
import org.cinegraph.events.FestivalSubjects.FilmInCategory;
import org.cinegraph.events.ImportSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retries recorded failures in the background: of every source, of one source, or one failure (its
 * {@code subject}, as {@code GET /api/import/failures} lists it). Ceremonies that could not be imported are
 * imported again, movies whose fetch failed are fetched again, festival nominations no movie matched are matched
 * again, list members TMDb did not know are looked up again. A success resolves its failure (the failures
 * projection drops it); a failure again counts one attempt more.
 */
@RestController
class FailureRetryController {

    /** What a festival's abbreviation and a list's key can be: no failure is recorded under another source. */
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Z]{2,16}");
    private static final Pattern LIST_KEY = Pattern.compile(ListMatcher.KEY_PATTERN);
    private static final Pattern TMDB_ID = Pattern.compile("[1-9]\\d{0,9}");
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");
    private static final Logger log = LoggerFactory.getLogger(FailureRetryController.class);

    private final MovieImports movies;
    private final CeremonyImport ceremonies;
    private final NominationMatcher nominations;
    private final ListMatcher lists;
    private final BackgroundActions background;

    FailureRetryController(MovieImports movies, CeremonyImport ceremonies, NominationMatcher nominations,
                           ListMatcher lists, BackgroundActions background) {
        this.movies = movies;
        this.ceremonies = ceremonies;
        this.nominations = nominations;
        this.lists = lists;
        this.background = background;
    }

    /**
     * @param source {@code year_import}, {@code festival:AMPAS} or {@code list:{key}}; every source when absent
     * @param subject one failure of {@code source} to retry, as the failures list names it; all when absent
     * @return 202 with how many failures of each kind are being retried
     */
    @PostMapping("/api/admin/failures/retry")
    ResponseEntity<Retrying> retry(@RequestParam(required = false) String source,
                                   @RequestParam(required = false) String subject) {
        ImportSource from = source == null ? null : ImportSource.parse(source)
                .filter(FailureRetryController::recordable)
                .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "Unknown source",
                        "source must be year_import, festival:{org} or list:{key}; '" + source + "' is none of them."));
        String listKey = from == null ? null : from.listKey().orElse(null);
        if (listKey != null && !lists.exists(listKey)) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown source", "No list '" + listKey + "' was ever uploaded.");
        }
        Runnable retry;
        Retrying retrying;
        if (subject != null) {
            if (source == null) {
                throw problem(HttpStatus.BAD_REQUEST, "Subject without a source",
                        "A failure's subject names it within its source: give both.");
            }
            OneRetry one = one(from, listKey, subject);
            if (!one.recorded()) {
                throw problem(HttpStatus.NOT_FOUND, "No such failure", "No failure of " + source
                        + " with this subject is recorded: it may have been resolved meanwhile.");
            }
            retry = one.retry();
            retrying = one.retrying();
        } else {
            List<String> listKeys = source == null ? lists.keys() : listKey != null ? List.of(listKey) : List.of();
            retrying = all(from, listKeys);
            retry = () -> retryAll(from, listKeys);
        }
        boolean started = background.start("Retrying failures", () -> {
            try {
                retry.run();
            } catch (RuntimeException e) {
                log.warn("Retrying failures stopped: {}", e.getMessage());
            }
        });
        if (!started) {
            throw problem(HttpStatus.CONFLICT, "Retry already running",
                    "Failures are being retried; their progress shows in GET /api/import/failures.");
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/import/failures" + (source == null ? "" : "?source=" + source)))
                .body(retrying);
    }

    /** The sources whose failures this node records: a festival by its abbreviation, a list by an upload's key. */
    private static boolean recordable(ImportSource source) {
        return switch (source.kind()) {
            case YEAR_IMPORT, EXPORT -> true;
            case FESTIVAL -> ORGANIZATION.matcher(source.name()).matches();
            case LIST -> LIST_KEY.matcher(source.name()).matches();
        };
    }

    /** Whether retrying {@code from} (every source when null) retries {@code source}. */
    private static boolean covers(ImportSource from, ImportSource source) {
        return from == null || from.equals(source);
    }

    private Retrying all(ImportSource from, List<String> listKeys) {
        boolean academy = covers(from, ImportSource.ACADEMY);
        int failedMovies = (covers(from, ImportSource.YEAR_IMPORT) ? movies.failureCount(ImportSource.YEAR_IMPORT) : 0)
                + (academy ? movies.failureCount(ImportSource.ACADEMY) : 0);
        int listMembers = 0;
        for (String key : listKeys) {
            failedMovies += movies.failureCount(ImportSource.list(key));
            listMembers += lists.openCount(key);
        }
        return new Retrying(from == null ? null : from.value(), null, failedMovies,
                academy ? nominations.openCount(CeremonyImport.AMPAS) : 0, listMembers,
                academy ? ceremonies.failedYears().size() : 0);
    }

    private void retryAll(ImportSource from, List<String> listKeys) {
        if (covers(from, ImportSource.YEAR_IMPORT)) {
            log.info("Retried year-import failures: {} resolved", movies.retryFailures(ImportSource.YEAR_IMPORT));
        }
        if (covers(from, ImportSource.ACADEMY)) {
            // The ceremonies first: a ceremony read now has nominations of its own to match.
            int imported = 0;
            for (int year : ceremonies.failedYears()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (ceremonies.importOrRecordFailure(year).isPresent()) {
                    imported++;
                }
            }
            log.info("Retried Academy ceremonies: {} imported", imported);
            NominationMatcher.Summary matched = nominations.matchOpen(CeremonyImport.AMPAS, false);
            log.info("Retried Academy nominations: {} matched, {} still unmatched; films: {} resolved",
                    matched.matched(), matched.unmatched(), movies.retryFailures(ImportSource.ACADEMY));
        }
        for (String key : listKeys) {
            ListMatcher.Summary found = lists.match(key, false);
            log.info("Retried list {}: {} members found, {} still not; movies: {} resolved", key, found.found(),
                    found.notFound(), movies.retryFailures(ImportSource.list(key)));
        }
    }

    /**
     * The retry of one failure: a movie by its TMDb id, a list's member by its IMDb id, a nomination, or a
     * ceremony.
     */
    private OneRetry one(ImportSource source, String listKey, String subject) {
        if (TMDB_ID.matcher(subject).matches()) {
            // Up to ten digits: checked against the range of a TMDb id before it is taken for one.
            long id = Long.parseLong(subject);
            if (id > Integer.MAX_VALUE) {
                throw problem(HttpStatus.BAD_REQUEST, "Unknown subject", "subject " + subject
                        + " is larger than any TMDb id (at most " + Integer.MAX_VALUE + ").");
            }
            int tmdbId = (int) id;
            return new OneRetry(movies.isFailure(source, tmdbId), () -> movies.retryFailure(source, tmdbId),
                    new Retrying(source.value(), subject, 1, 0, 0, 0));
        }
        if (listKey != null && IMDB_ID.matcher(subject).matches()) {
            return new OneRetry(lists.isOpen(listKey, subject), () -> lists.matchOne(listKey, subject),
                    new Retrying(source.value(), subject, 0, 0, 1, 0));
        }
        if (ImportSource.ACADEMY.equals(source)) {
            Optional<FilmInCategory> film = FestivalSubjects.nominatedFilm(subject);
            if (film.isPresent()) {
                return new OneRetry(nominations.isOpen(CeremonyImport.AMPAS, film.get()),
                        () -> nominations.matchOne(CeremonyImport.AMPAS, film.get()),
                        new Retrying(source.value(), subject, 0, 1, 0, 0));
            }
            OptionalInt ceremony = FestivalSubjects.ceremonyYear(subject);
            if (ceremony.isPresent()) {
                int year = ceremony.getAsInt();
                return new OneRetry(ceremonies.isFailed(year), () -> ceremonies.importOrRecordFailure(year),
                        new Retrying(source.value(), subject, 0, 0, 0, 1));
            }
        }
        throw problem(HttpStatus.BAD_REQUEST, "Unknown subject", "subject names no failure " + source
                + " can have: a TMDb id, a list member's IMDb id, or a nomination or a ceremony as GET "
                + "/api/import/failures names it.");
    }

    /** One failure to retry: whether it is recorded, how to retry it, and what the answer says. */
    private record OneRetry(boolean recorded, Runnable retry, Retrying retrying) {
    }

    /**
     * What a retry started on: failed movie fetches, festival nominations not matched, list members not found,
     * ceremonies not imported; {@code subject} the one failure retried, else null.
     */
    record Retrying(String source, String subject, int movies, int nominations, int listMembers, int ceremonies) {
    }
}
