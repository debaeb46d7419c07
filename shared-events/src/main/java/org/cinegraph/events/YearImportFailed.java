package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** The import of the year stopped for a reason a person has to look at (rejected TMDb credentials, say). */
@Revision("1")
public record YearImportFailed(int year, String reason) implements YearImportEvent {
}
