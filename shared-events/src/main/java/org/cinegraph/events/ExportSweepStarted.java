package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A sweep of TMDb's daily ID export began: every movie the export lists and the catalogue has no outcome for is to
 * be imported, and every movie the catalogue holds that the export no longer lists recorded as removed.
 *
 * @param exportDate       the day of the export read (TMDb's {@code movie_ids_MM_DD_YYYY.json.gz})
 * @param trigger          {@link ImportTrigger#ADMIN} when an admin asked; {@link ImportTrigger#SCHEDULE} when it
 *                         followed the range's completion or a daily delta sync
 * @param confirmRemovals  whether an admin confirmed removals beyond the limit of one sweep
 */
@Revision("1")
public record ExportSweepStarted(LocalDate exportDate, ImportTrigger trigger, boolean confirmRemovals) {
}
