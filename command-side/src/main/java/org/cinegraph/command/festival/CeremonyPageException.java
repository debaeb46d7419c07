package org.cinegraph.command.festival;

/** A ceremony page that is not what the scraper expects: nothing of it is recorded. */
class CeremonyPageException extends RuntimeException {

    CeremonyPageException(String message) {
        super(message);
    }
}
