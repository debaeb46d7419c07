package org.cinegraph.events;

/**
 * What happened to the import of one year of TMDb's catalogue. Sealed, so a projection's switch over the
 * events of a year import is exhaustive.
 */
public sealed interface YearImportEvent
        permits YearImportStarted, YearImportPlanned, PageDiscovered, YearImportCompleted, YearImportFailed {

    int year();
}
