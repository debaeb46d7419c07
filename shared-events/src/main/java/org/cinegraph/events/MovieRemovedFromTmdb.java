package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * TMDb's export of {@code exportDate}, read whole, no longer lists a movie the catalogue has an outcome for. The
 * movie stays in the catalogue, marked removed, until an export lists it again ({@link MovieRestoredOnTmdb}).
 */
@Revision("1")
public record MovieRemovedFromTmdb(int tmdbId, LocalDate exportDate) {
}
