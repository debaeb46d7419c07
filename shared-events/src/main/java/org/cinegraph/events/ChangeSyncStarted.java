package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A delta sync began: TMDb's change feed is read for the days {@code from} to {@code to}, both inclusive. */
@Revision("1")
public record ChangeSyncStarted(LocalDate from, LocalDate to, ImportTrigger trigger) {
}
