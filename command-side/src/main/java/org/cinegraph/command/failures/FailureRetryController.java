package org.cinegraph.command.failures;

import static org.cinegraph.command.web.Problems.problem;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import org.cinegraph.command.festival.CeremonyImport;
import org.cinegraph.command.festival.NominationMatcher;
import org.cinegraph.command.lists.ListMatcher;
import org.cinegraph.command.node.ThisNode;
import org.cinegraph.command.yearimport.MovieImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retries recorded failures, of one source or of all, in the background: movies whose fetch failed are fetched
 * again, festival nominations no movie matched are matched again, list members TMDb did not know are looked up
 * again. A success resolves its failure (the failures
 * projection drops it); a failure again counts one attempt more.
 */
@RestController
class FailureRetryController {

    static final String YEAR_IMPORT = "year_import";
    static final String ACADEMY = "festival:" + CeremonyImport.AMPAS;
    static final String LIST = "list:";
    private static final Pattern SOURCE = Pattern.compile("year_import|festival:[A-Z]{2,16}|list:[a-z0-9][a-z0-9_-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(FailureRetryController.class);

    private final MovieImports movies;
    private final NominationMatcher nominations;
    private final ListMatcher lists;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService retries = Executors.newSingleThreadExecutor(ThisNode.daemonThreads("retries-"));

    FailureRetryController(MovieImports movies, NominationMatcher nominations, ListMatcher lists) {
        this.movies = movies;
        this.nominations = nominations;
        this.lists = lists;
    }

    /**
     * @param source {@code year_import}, {@code festival:AMPAS} or {@code list:{key}}; every source when absent
     * @return 202 with how many failures of each kind are being retried
     */
    @PostMapping("/api/admin/failures/retry")
    ResponseEntity<Retrying> retry(@RequestParam(required = false) String source) {
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown source",
                    "source must be year_import, festival:{org} or list:{key}; '" + source + "' is none of them.");
        }
        if (!running.compareAndSet(false, true)) {
            throw problem(HttpStatus.CONFLICT, "Retry already running",
                    "Failures are being retried; their progress shows in GET /api/import/failures.");
        }
        boolean yearImport = source == null || YEAR_IMPORT.equals(source);
        boolean academy = source == null || ACADEMY.equals(source);
        Retrying retrying;
        try {
            List<String> listKeys = source == null ? lists.keys()
                    : source.startsWith(LIST) ? List.of(source.substring(LIST.length())) : List.of();
            int failedMovies = (yearImport ? movies.failureCount(YEAR_IMPORT) : 0)
                    + (academy ? movies.failureCount(ACADEMY) : 0);
            int listMembers = 0;
            for (String key : listKeys) {
                failedMovies += movies.failureCount(LIST + key);
                listMembers += lists.openCount(key);
            }
            retrying = new Retrying(source, failedMovies, academy ? nominations.openCount(CeremonyImport.AMPAS) : 0,
                    listMembers);
            retries.execute(() -> {
                try {
                    if (yearImport) {
                        log.info("Retried year-import failures: {} resolved", movies.retryFailures(YEAR_IMPORT));
                    }
                    if (academy) {
                        NominationMatcher.Summary matched = nominations.matchOpen(CeremonyImport.AMPAS, false);
                        log.info("Retried Academy nominations: {} matched, {} still unmatched; films: {} resolved",
                                matched.matched(), matched.unmatched(), movies.retryFailures(ACADEMY));
                    }
                    for (String key : listKeys) {
                        ListMatcher.Summary found = lists.match(key, false);
                        log.info("Retried list {}: {} members found, {} still not; movies: {} resolved", key,
                                found.found(), found.notFound(), movies.retryFailures(LIST + key));
                    }
                } catch (RuntimeException e) {
                    log.warn("Retrying failures stopped: {}", e.getMessage());
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/import/failures" + (source == null ? "" : "?source=" + source)))
                .body(retrying);
    }


    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }

    /** What a retry started on: failed movie fetches, festival nominations not matched, list members not found. */
    record Retrying(String source, int movies, int nominations, int listMembers) {
    }
}
