package org.cinegraph.app.web;

import static org.cinegraph.kernel.problems.Problems.detail;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinegraph.kernel.tables.TableComment;
import org.cinegraph.kernel.tables.TableDefinition;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.cinegraph.kernel.tables.TableKind;
import org.apache.catalina.connector.ClientAbortException;
import org.cinegraph.kernel.settings.YearOutOfRangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 9457 problem detail. Spring's handler covers malformed requests (400),
 * unknown paths (404), wrong methods (405) and {@code ErrorResponseException}s the controllers throw;
 * this adds the domain's own errors and hides anything unexpected behind a plain 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** PostgreSQL's SQLState for a relation that does not exist. */
    private static final String UNDEFINED_TABLE = "42P01";
    /** How PostgreSQL names a missing relation: {@code relation "movies" does not exist}. */
    /** How a projection table's comment says it comes back: {@code replay of movies}. */
    private static final String REPLAY_OF = "replay of ";
    private static final Pattern MISSING_RELATION =
            Pattern.compile("relation \"(?:[a-z_]+\\.)?([a-z_][a-z0-9_]*)\" does not exist");

    @ExceptionHandler(YearOutOfRangeException.class)
    ProblemDetail yearOutOfRange(YearOutOfRangeException exception) {
        return detail(HttpStatus.BAD_REQUEST, "Year out of range", exception.getMessage());
    }

    /**
     * A table that is missing (dropped by hand, say) answers 503 naming it until it is rebuilt, rather than a 500
     * that looks like a bug of the request: a read model's, or a table of the command side, whose operation is rolled
     * back whole. The statement went through JDBC or through Hibernate: either way PostgreSQL's own error lies
     * among the causes.
     */
    @ExceptionHandler(InvalidDataAccessResourceUsageException.class)
    ProblemDetail missingTable(InvalidDataAccessResourceUsageException exception) {
        SQLException cause = sqlException(exception);
        if (cause == null || !UNDEFINED_TABLE.equals(cause.getSQLState())) {
            return unexpected(exception);
        }
        return missingTable(cause);
    }

    /** As {@link #missingTable(InvalidDataAccessResourceUsageException)}, whatever wrapped PostgreSQL's error. */
    private ProblemDetail missingTable(SQLException cause) {
        log.warn("A table is missing: {}", cause.getMessage());
        Matcher relation = MISSING_RELATION.matcher(String.valueOf(cause.getMessage()));
        String table = relation.find() ? relation.group(1) : null;
        TableComment comment = table == null ? null
                : TableDefinitions.bundled().find(table).map(TableDefinition::comment).orElse(null);
        if (comment == null) {
            return detail(HttpStatus.SERVICE_UNAVAILABLE, "Table missing",
                    "A table this request needs is missing. GET /api/admin/tables says which; rebuilding it "
                            + "(POST /api/admin/tables/{name}/rebuild) or restarting the application brings it back.");
        }
        if (comment.kind() == TableKind.EVENT_STORE) {
            return detail(HttpStatus.SERVICE_UNAVAILABLE, "Event store missing", "Table " + table + ", part of the "
                    + "event store, is missing. Nothing rebuilds it: restore the database from a backup.");
        }
        if (comment.kind() == TableKind.PROJECTION && comment.comesBack().startsWith(REPLAY_OF)) {
            String projection = comment.comesBack().substring(REPLAY_OF.length());
            return detail(HttpStatus.SERVICE_UNAVAILABLE, "Read model unavailable", "Table " + table + ", which this "
                    + "answer is read from, is missing. Replaying its projection (POST /api/admin/projections/"
                    + projection + "/replay) or restarting the application rebuilds it.");
        }
        return detail(HttpStatus.SERVICE_UNAVAILABLE, "Table missing", "Table " + table + ", which this request "
                + "needs, is missing; nothing was recorded. Rebuilding it (POST /api/admin/tables/" + table
                + "/rebuild) or restarting the application brings it back.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        if (clientGone(exception)) {
            // An upload cut short, a reader that closed the tab: nothing went wrong here, and nobody is left to answer.
            log.debug("The client went away before its request was answered: {}", exception.toString());
            return null;
        }
        // Axon's and db-scheduler's own JDBC code wrap PostgreSQL's error in exceptions of their own.
        SQLException cause = sqlException(exception);
        if (cause != null && UNDEFINED_TABLE.equals(cause.getSQLState())) {
            return missingTable(cause);
        }
        log.error("Unexpected error while answering a request", exception);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The server could not answer this request. The error has been logged.");
    }

    private static boolean clientGone(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientAbortException || cause instanceof AsyncRequestNotUsableException) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlException(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
