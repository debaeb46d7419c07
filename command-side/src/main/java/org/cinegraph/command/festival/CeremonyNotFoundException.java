package org.cinegraph.command.festival;

import java.net.URI;

/** oscars.org has no ceremony page for the year. */
public class CeremonyNotFoundException extends RuntimeException {

    public CeremonyNotFoundException(int year, URI url) {
        super("oscars.org has no ceremony page for " + year + " (" + url + " answered 404).");
    }
}
