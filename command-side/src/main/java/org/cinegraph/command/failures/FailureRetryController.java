package org.cinegraph.command.failures;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import org.cinegraph.command.festival.CeremonyImport;
import org.cinegraph.command.festival.NominationMatcher;
import org.cinegraph.command.node.ThisNode;
import org.cinegraph.command.yearimport.MovieImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retries recorded failures, of one source or of all, in the background: movies whose fetch failed are fetched
 * again, festival nominations no movie matched are matched again. A success resolves its failure (the failures
 * projection drops it); a failure again counts one attempt more.
 */
@RestController
class FailureRetryController {

    static final String YEAR_IMPORT = "year_import";
    static final String ACADEMY = "festival:" + CeremonyImport.AMPAS;
    private static final Pattern SOURCE = Pattern.compile("year_import|festival:[A-Z]{2,16}|list:[a-z0-9][a-z0-9_-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(FailureRetryController.class);

    private final MovieImports movies;
    private final NominationMatcher nominations;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService retries = Executors.newSingleThreadExecutor(ThisNode.daemonThreads("retries-"));

    FailureRetryController(MovieImports movies, NominationMatcher nominations) {
        this.movies = movies;
        this.nominations = nominations;
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
            retrying = new Retrying(source,
                    (yearImport ? movies.failureCount(YEAR_IMPORT) : 0) + (academy ? movies.failureCount(ACADEMY) : 0),
                    academy ? nominations.openCount(CeremonyImport.AMPAS) : 0);
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

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }

    /** What a retry started on: failed movie fetches, and festival nominations not matched. */
    record Retrying(String source, int movies, int nominations) {
    }
}
