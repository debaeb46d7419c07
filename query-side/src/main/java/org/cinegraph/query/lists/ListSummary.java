package org.cinegraph.query.lists;

import java.time.Instant;

/**
 * A list: {@code size} members, {@code matched} of them found in TMDb, {@code notFound} not, {@code pending} not
 * looked up yet; {@code importedAt} when it was last uploaded changed.
 */
record ListSummary(String key, long size, long matched, long notFound, long pending, Instant importedAt) {
}
