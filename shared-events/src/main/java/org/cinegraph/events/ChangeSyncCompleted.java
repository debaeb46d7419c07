package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * TMDb's change feed was read for the days {@code from} to {@code to}: it listed {@code changed} movies, of
 * which {@code checked} are in the catalogue and were fetched again; {@code updated} of those really differed
 * (each a {@link MovieUpdated}), and {@code failed} could not be fetched.
 */
@Revision("1")
public record ChangeSyncCompleted(LocalDate from, LocalDate to, int changed, int checked, int updated, int failed) {
}
