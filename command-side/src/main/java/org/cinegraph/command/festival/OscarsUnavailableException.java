package org.cinegraph.command.festival;

/** oscars.org could not be read (5xx, timeout, connection refused), retries included. */
public class OscarsUnavailableException extends RuntimeException {

    public OscarsUnavailableException(String message) {
        super(message);
    }
}
