package org.cinegraph.command.tmdb;

/** Every attempt of a request failed for a reason that may pass (5xx, timeouts, connection errors, 429s). */
public class TmdbUnavailableException extends RuntimeException {

    public TmdbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
