package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A delta sync stopped before reading the feed up to {@code to}; the next one starts where this one got to.
 * {@code credentialsRejected} when TMDb refused the configured credentials.
 */
@Revision("1")
public record ChangeSyncFailed(LocalDate from, LocalDate to, boolean credentialsRejected, String reason) {
}
