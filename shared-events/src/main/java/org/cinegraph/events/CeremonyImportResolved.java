package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A ceremony whose import had failed ({@link CeremonyImportFailed}) was imported since: read and recorded, or
 * found unchanged since it was last recorded. Its failure is over.
 */
@Revision("1")
public record CeremonyImportResolved(String organization, int year) {
}
