package org.cinegraph.events;

import java.time.Duration;

/**
 * Take the year's running import over if it made no progress for {@code stallAfter}, whichever node holds it.
 * Answers when to look again (an {@link java.time.Instant}), or null when the year no longer runs.
 */
public record TakeOverStalledYear(int year, Duration stallAfter) {
}
