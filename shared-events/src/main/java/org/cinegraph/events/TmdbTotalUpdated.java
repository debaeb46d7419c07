package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** TMDb's count of all its movies, as last seen; {@code source} says where it was read. */
@Revision("1")
public record TmdbTotalUpdated(long total, String source) {
}
