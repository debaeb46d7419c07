package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** What one discover page of a year's window held, and how large TMDb said the window was when it was read. */
@Revision("1")
public record PageDiscovered(
        int year,
        DateWindow window,
        int page,
        int totalPages,
        int totalResults,
        List<ListedMovie> movies) implements YearImportEvent {
}
