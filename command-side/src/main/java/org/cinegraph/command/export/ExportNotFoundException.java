package org.cinegraph.command.export;

/** No export of the day (or of the last week) is published. */
public class ExportNotFoundException extends RuntimeException {

    public ExportNotFoundException(String message) {
        super(message);
    }
}
