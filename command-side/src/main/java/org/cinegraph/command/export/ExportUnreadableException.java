package org.cinegraph.command.export;

/** An export could not be read to its end: nothing may be decided from it. */
public class ExportUnreadableException extends RuntimeException {

    public ExportUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
