package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** Every year of the range, {@code firstYear} down to {@code lastYear}, has completed its import. */
@Revision("1")
public record FullSyncCompleted(int firstYear, int lastYear) {
}
