package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What one discover page of a year's window held, and how large TMDb said the window was when it was read.
 *
 * @param pass 1 for the first reading of the window; more when TMDb's count changed during a reading and
 *     the window was read again
 */
@Revision("1")
public record PageDiscovered(
        int year,
        DateWindow window,
        int pass,
        int page,
        int totalPages,
        int totalResults,
        List<ListedMovie> movies) implements YearImportEvent {
}
