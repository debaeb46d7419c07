package org.cinegraph.command.tmdb;

/** TMDb answered 200 with a body that is not the JSON it promised. A failure of that request, not a crash. */
public class TmdbMalformedResponseException extends RuntimeException {

    public TmdbMalformedResponseException(String what, Throwable cause) {
        super("TMDb's answer for " + what + " is not valid JSON", cause);
    }
}
