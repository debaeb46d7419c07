package org.cinegraph.command.tmdb;

import org.cinegraph.events.MovieImportFailed;

/** Why a lookup in TMDb (a find, a search) failed, in the reasons a failure is recorded with. */
public final class LookupFailure {

    private LookupFailure() {
    }

    /** {@code malformed_response} for an answer that is not what TMDb answers, else {@code http_error}. */
    public static String reasonOf(RuntimeException error) {
        return error instanceof TmdbMalformedResponseException
                ? MovieImportFailed.MALFORMED_RESPONSE : MovieImportFailed.HTTP_ERROR;
    }
}
