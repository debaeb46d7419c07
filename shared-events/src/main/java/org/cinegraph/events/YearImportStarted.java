package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** The import of a year began; when it began is the event's own timestamp. */
@Revision("1")
public record YearImportStarted(int year, ImportTrigger trigger) implements YearImportEvent {
}
