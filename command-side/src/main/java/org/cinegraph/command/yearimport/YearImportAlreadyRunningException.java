package org.cinegraph.command.yearimport;

/** A year's import was asked to start while it is still running. */
public class YearImportAlreadyRunningException extends RuntimeException {

    public YearImportAlreadyRunningException(int year) {
        super("The import of " + year + " is already running.");
    }
}
