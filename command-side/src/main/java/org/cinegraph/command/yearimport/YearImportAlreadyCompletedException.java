package org.cinegraph.command.yearimport;

/** The pass over the range was asked to start a year it has already completed. */
public class YearImportAlreadyCompletedException extends RuntimeException {

    public YearImportAlreadyCompletedException(int year) {
        super("The import of " + year + " was already completed.");
    }
}
