package org.cinegraph.command.tmdb;

/** TMDb refused the request itself (a 4xx other than 401, 404 and 429): retrying the same request cannot help. */
public class TmdbRequestRejectedException extends RuntimeException {

    public TmdbRequestRejectedException(int status, String what, String tmdbMessage) {
        super("TMDb rejected the request for " + what + " with HTTP " + status
                + (tmdbMessage == null ? "" : ": " + tmdbMessage));
    }
}
