package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * How the year will be discovered: TMDb serves at most 500 pages (10,000 movies) of one query, so a larger
 * year is split into date windows that each stay under that, with no day in two windows.
 *
 * @param tmdbTotal the number of movies TMDb listed for the whole year when the plan was made
 */
@Revision("1")
public record YearImportPlanned(int year, int tmdbTotal, List<PlannedWindow> windows) implements YearImportEvent {
}
