package org.cinegraph.sandbox.tmdb;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;

import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

/**
 * Reads the parameters several endpoints share, refusing a bad value with TMDb's error for it: whatever a client
 * sends, it gets TMDb's 422 rather than the sandbox's 500.
 */
final class TmdbParameters {

    /** TMDb serves no page beyond this one, whatever the totals say. */
    private static final int MAX_PAGE = 500;

    private TmdbParameters() {
    }

    static int page(Optional<String> parameter) {
        if (parameter.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(parameter.get());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to TMDb's invalid-page answer, the same as for a page out of range.
        }
        throw new Rejected(TmdbError.INVALID_PAGE);
    }

    /** TMDb's true-or-false parameters, such as {@code include_adult}; false when absent, as on TMDb. */
    static boolean flag(Optional<String> parameter) {
        if (parameter.isEmpty() || parameter.get().equals("false")) {
            return false;
        }
        if (parameter.get().equals("true")) {
            return true;
        }
        throw new Rejected(TmdbError.INVALID_PARAMETERS);
    }

    static Year year(String parameter) {
        try {
            return Year.of(Integer.parseInt(parameter));
        } catch (NumberFormatException | DateTimeException notAYear) {
            throw new Rejected(TmdbError.INVALID_PARAMETERS);
        }
    }

    static LocalDate date(String parameter) {
        try {
            return LocalDate.parse(parameter);
        } catch (DateTimeException notADate) {
            throw new Rejected(TmdbError.INVALID_DATE);
        }
    }

    /** Carries a parameter's rejection out of the parsing helpers; no stack trace is worth its cost. */
    static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final TmdbError error;

        Rejected(TmdbError error) {
            super(error.name(), null, false, false);
            this.error = error;
        }

        SandboxResponse response() {
            return error.response();
        }
    }
}
