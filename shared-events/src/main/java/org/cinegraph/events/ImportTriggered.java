package org.cinegraph.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The pass over the year range was triggered, and what it did. {@code scheduledFor} is the tick of the daily
 * schedule that fired (null for other triggers); {@code year} is the year started, resumed or running (null
 * for a delta sync). When it happened is the event's own timestamp.
 */
@Revision("1")
public record ImportTriggered(ImportTrigger trigger, Instant scheduledFor, ImportAction action, Integer year) {
}
