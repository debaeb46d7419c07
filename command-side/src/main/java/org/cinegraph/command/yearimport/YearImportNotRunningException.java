package org.cinegraph.command.yearimport;

/** A step of a year's import was asked for while that import is not running. */
public class YearImportNotRunningException extends RuntimeException {

    public YearImportNotRunningException(int year) {
        super("The import of " + year + " is not running.");
    }
}
