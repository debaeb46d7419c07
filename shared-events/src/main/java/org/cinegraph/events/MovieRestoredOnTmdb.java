package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** TMDb's export of {@code exportDate} lists again a movie recorded as {@link MovieRemovedFromTmdb}. */
@Revision("1")
public record MovieRestoredOnTmdb(int tmdbId, LocalDate exportDate) {
}
