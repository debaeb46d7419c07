package org.cinegraph.command.schedule;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cinegraph.command.changes.ChangeSyncRunner;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbMalformedResponseException;
import org.cinegraph.command.tmdb.TmdbNotFoundException;
import org.cinegraph.command.tmdb.TmdbRequestRejectedException;
import org.cinegraph.command.tmdb.TmdbUnavailableException;
import org.cinegraph.command.yearimport.YearImportAlreadyCompletedException;
import org.cinegraph.command.yearimport.YearImportAlreadyRunningException;
import org.cinegraph.events.ImportAction;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportTriggered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's triggers of the daily import: the pass's next step, a delta sync, TMDb's total. A year of the admin's
 * choosing starts beside the year import ({@code YearImportAdminController}).
 */
@RestController
record ImportAdminController(ImportPass pass, ChangeSyncRunner changes, TmdbTotal tmdbTotal, TmdbClient tmdb) {

    private static final Logger log = LoggerFactory.getLogger(ImportAdminController.class);

    /** What the daily trigger does, now: resumes the running year, starts the next, or runs a delta sync. */
    @PostMapping("/api/admin/imports/next")
    ResponseEntity<Accepted> next() {
        ImportTriggered triggered;
        try {
            triggered = pass.next(ImportTrigger.NEXT, null).orElseThrow();
        } catch (YearImportAlreadyRunningException | YearImportAlreadyCompletedException | ConcurrencyException
                 | AggregateStreamCreationException e) {
            // An admin's start of the same year came between the pass's decision and its start.
            throw conflict("Import already running", "Another request started the year the pass was about to "
                    + "start; ask again to see where the pass is.", e);
        }
        if (triggered.action() == ImportAction.YEAR_IN_PROGRESS) {
            throw conflict("Import already running", "The import of " + triggered.year()
                    + " is running on a node; the pass starts no other year until it ends.", null);
        }
        if (triggered.action() == ImportAction.SYNC_IN_PROGRESS) {
            throw conflict("Sync already running", "Every year of the range is imported, and a delta sync from "
                    + "TMDb's change feed is running.", null);
        }
        ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted();
        if (triggered.year() != null) {
            accepted.location(URI.create("/api/import/years/" + triggered.year()));
        }
        String status = triggered.action() == ImportAction.SYNC_CHANGES ? "syncing" : "importing";
        return accepted.body(new Accepted(triggered.year(), status, "next", triggered.action().name().toLowerCase()));
    }

    /** Runs a delta sync from TMDb's change feed now, whether or not the range is complete. */
    @PostMapping("/api/admin/sync/changes")
    ResponseEntity<Accepted> syncChanges() {
        if (!pass.claimChangeSync()) {
            throw conflict("Sync already running", "A delta sync from TMDb's change feed is running.", null);
        }
        changes.startSync(ImportTrigger.ADMIN);
        return ResponseEntity.accepted().location(URI.create("/api/sync/health"))
                .body(new Accepted(null, "syncing", "admin", "sync_changes"));
    }

    /**
     * Reads TMDb's total now; answers it once recorded. 503 only when TMDb cannot be read (connection errors,
     * timeouts, 5xx and 429s to every attempt): asking again later may help. Anything else (an answer that holds
     * no total, the total not recorded) is a 500, logged with its cause.
     */
    @PostMapping("/api/admin/tmdb-total/refresh")
    ResponseEntity<TotalRefreshed> refreshTmdbTotal() {
        try {
            return ResponseEntity.accepted().location(URI.create("/api/import/state"))
                    .body(new TotalRefreshed(tmdbTotal.refresh(), TmdbTotal.SOURCE));
        } catch (TmdbCredentialsRejectedException e) {
            throw problem(HttpStatus.BAD_GATEWAY, "TMDb refused the credentials", e.getMessage(), e);
        } catch (TmdbUnavailableException e) {
            log.warn("TMDb's total could not be read: {}", tmdb.describe(e));
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "TMDb unavailable",
                    "TMDb's total could not be read: " + tmdb.describe(e), e);
        } catch (RuntimeException e) {
            log.error("TMDb's total could not be refreshed", e);
            boolean tmdbAnswered = e instanceof TmdbMalformedResponseException || e instanceof TmdbNotFoundException
                    || e instanceof TmdbRequestRejectedException;
            throw problem(HttpStatus.INTERNAL_SERVER_ERROR, "TMDb total not refreshed",
                    (tmdbAnswered ? "TMDb answered, but not with its total: " + tmdb.describe(e) + "."
                            : "TMDb's total could not be refreshed.") + " The error has been logged.", e);
        }
    }

    private static ErrorResponseException conflict(String title, String detail, Exception cause) {
        return problem(HttpStatus.CONFLICT, title, detail, cause);
    }

    /** What a trigger started: {@code action} as in {@link ImportAction}, lower case; {@code year} null for a sync. */
    record Accepted(Integer year, String status, String trigger, String action) {
    }

    record TotalRefreshed(long tmdbTotalMovies, String source) {
    }
}
