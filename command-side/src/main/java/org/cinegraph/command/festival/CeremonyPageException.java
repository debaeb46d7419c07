package org.cinegraph.command.festival;

/** A ceremony page that is not what the scraper expects: nothing of it is recorded. */
public class CeremonyPageException extends RuntimeException {

    public CeremonyPageException(String message) {
        super(message);
    }
}
