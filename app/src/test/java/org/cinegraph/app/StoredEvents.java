package org.cinegraph.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The events of one type in the event store, in the store's order, as JSON. */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    /** @param type the event's simple name, {@code YearImportStarted} say */
    static List<JsonNode> of(JdbcClient jdbc, String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE payload_type = :type ORDER BY global_index""")
                .param("type", "org.cinegraph.events." + type)
                .query(String.class).list().stream().map(StoredEvents::parse).toList();
    }

    /** Those of {@link #of} whose {@code field} is {@code value}. */
    static List<JsonNode> where(JdbcClient jdbc, String type, String field, String value) {
        return of(jdbc, type).stream().filter(event -> value.equals(event.path(field).asText())).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
