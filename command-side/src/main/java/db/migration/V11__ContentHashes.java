package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.cinegraph.command.tmdb.ContentHash;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code import_ledger_outcome.content_hash} for movies imported before the column existed, from each
 * one's {@code MovieImported} event: the hash is computed in Java ({@link ContentHash}), as the import
 * computes it. Reads the events in a cursor, so a large store never sits in memory.
 */
public class V11__ContentHashes extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ObjectMapper json = new ObjectMapper();
        try (Statement read = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE import_ledger_outcome SET content_hash = ? WHERE tmdb_id = ? AND outcome = 'imported'")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet events = read.executeQuery("""
                    SELECT payload FROM domain_event_entry
                     WHERE payload_type = 'org.cinegraph.events.MovieImported' ORDER BY global_index""")) {
                while (events.next()) {
                    JsonNode event = json.readTree(events.getBytes(1));
                    update.setBytes(1, ContentHash.of(event.path("tmdbData").asText()));
                    update.setInt(2, event.path("tmdbId").asInt());
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
