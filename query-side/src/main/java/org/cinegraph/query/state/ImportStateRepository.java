package org.cinegraph.query.state;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.repository.Repository;

interface ImportStateRepository extends Repository<ImportStateRow, String> {

    List<ImportStateRow> findAll();

    /** The keys that have a value; a key never set is absent. */
    default Map<ImportStateKey, String> values() {
        Map<String, String> rows = new HashMap<>();
        findAll().forEach(row -> rows.put(row.key(), row.value()));
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
