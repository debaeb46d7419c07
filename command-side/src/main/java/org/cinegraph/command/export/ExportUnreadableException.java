package org.cinegraph.command.export;

import java.time.LocalDate;

/** An export could not be read to its end: nothing may be decided from it. */
public class ExportUnreadableException extends RuntimeException {

    private final transient LocalDate day;

    /** @param day the day of the export that could not be read */
    public ExportUnreadableException(LocalDate day, String message, Throwable cause) {
        super(message, cause);
        this.day = day;
    }

    /** The day of the export that could not be read. */
    public LocalDate day() {
        return day;
    }
}
