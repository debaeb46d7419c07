package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A sweep of TMDb's export went through the whole file: every counted id has an outcome, and the removals it found
 * were recorded, unless there were more than one sweep may record without an admin's confirmation.
 *
 * @param entriesRead      the lines of the export, malformed ones included
 * @param counted          the ids that count toward TMDb's total (see {@link ExportRead#counted()})
 * @param alreadyKnown     counted ids that had an outcome before this sweep
 * @param newMovies        counted ids this sweep imported, skipped or recorded as failed
 * @param removed          movies recorded as {@link MovieRemovedFromTmdb} by this sweep
 * @param restored         movies recorded as {@link MovieRestoredOnTmdb} by this sweep
 * @param removalsWithheld movies the export no longer lists that were not recorded as removed, because they were
 *                         more than the limit of one sweep; zero when none were withheld
 * @param removalLimit     how many removals one sweep records without confirmation
 */
@Revision("1")
public record ExportSweepCompleted(LocalDate exportDate, long entriesRead, long counted, long alreadyKnown,
                                   long newMovies, long removed, long restored, long removalsWithheld,
                                   long removalLimit) {
}
