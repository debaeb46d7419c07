package org.cinegraph.command.tmdb;

/** TMDb answered with a 5xx; the transport retries it. */
class TmdbServerErrorException extends RuntimeException {

    private final int status;

    TmdbServerErrorException(int status) {
        super("TMDb answered HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
