package org.cinegraph.query.state;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The reads of the dashboard's hottest paths are JPQL: Hibernate keeps the plan of a JPQL string, where it plans a
 * criteria query (a derived query, a repository's own {@code findAll}) anew at every call.
 */
interface ImportStateRepository extends Repository<ImportStateRow, String> {

    @Query("select s from ImportStateRow s")
    List<ImportStateRow> all();

    /** The movies recorded as removed from TMDb and not restored, whatever their outcome. */
    @Query(value = "SELECT COALESCE(sum(movies), 0) FROM import_state_counts WHERE counter = '"
            + ImportStateProjection.REMOVED_FROM_TMDB + "'", nativeQuery = true)
    long removedFromTmdb();

    /** The keys that have a value; a key never set is absent. */
    default Map<ImportStateKey, String> values() {
        Map<String, String> rows = new HashMap<>();
        all().forEach(row -> rows.put(row.key(), row.value()));
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
