package org.cinegraph.command.tmdb;

/** TMDb answered 404: the movie is gone (deleted since discovery) or never existed. Not retried. */
public class TmdbNotFoundException extends RuntimeException {

    public TmdbNotFoundException(String what) {
        super("TMDb does not know " + what + " (HTTP 404)");
    }
}
