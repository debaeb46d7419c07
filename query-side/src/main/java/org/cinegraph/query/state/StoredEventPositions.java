package org.cinegraph.query.state;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an event's global index from Axon's event table (its unique index on the event identifier). */
@Component
class StoredEventPositions implements EventPositions {

    private final JdbcClient jdbc;

    StoredEventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long of(String eventIdentifier) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", eventIdentifier).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No stored event " + eventIdentifier));
    }
}
