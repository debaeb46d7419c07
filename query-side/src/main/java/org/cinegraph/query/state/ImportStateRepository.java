package org.cinegraph.query.state;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportStateRepository {

    private final JdbcClient jdbc;

    ImportStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The keys that have a value; a key never set is absent. */
    Map<ImportStateKey, String> values() {
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("SELECT key, value FROM import_state")
                .query(rs -> {
                    rows.put(rs.getString("key"), rs.getString("value"));
                });
        Map<ImportStateKey, String> values = new EnumMap<>(ImportStateKey.class);
        for (ImportStateKey key : ImportStateKey.values()) {
            String value = rows.get(key.key());
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }
}
