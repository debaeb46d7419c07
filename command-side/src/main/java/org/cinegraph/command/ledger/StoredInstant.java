package org.cinegraph.command.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An instant as the event store keeps an event's timestamp: to the millisecond (Axon writes {@code time_stamp} so).
 * A ledger row that records when its event happened records this instant, and publishes its event with it, or takes
 * it from the event a handler is given (whose timestamp still has the clock's precision, until it is read back): a
 * rebuild from the stored events then writes the same value.
 */
public final class StoredInstant {

    private StoredInstant() {
    }

    public static Instant of(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The instants in PostgreSQL's text form, to bind as {@code CAST(:at AS timestamptz[])}; null stays null. */
    public static String[] texts(List<Instant> instants) {
        return instants.stream().map(instant -> instant == null ? null : instant.toString()).toArray(String[]::new);
    }
}
