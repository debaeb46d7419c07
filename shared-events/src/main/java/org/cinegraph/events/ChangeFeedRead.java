package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A delta sync read TMDb's change feed for the days {@code from} to {@code to}, both inclusive, and recorded every
 * change it listed: the next sync reads on from {@code to}, even when this one stops in a later window.
 */
@Revision("1")
public record ChangeFeedRead(LocalDate from, LocalDate to) {
}
