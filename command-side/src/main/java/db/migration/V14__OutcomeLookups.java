package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.cinegraph.command.tmdb.TitleKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the columns V13 added to {@code import_ledger_outcome} (source, IMDb id, title key, release year) for
 * outcomes recorded before they existed, from each movie's outcome events in the order they were stored: the
 * last event of a movie is its outcome, and a value it lacks keeps the one an earlier event gave. The title key
 * is computed in Java ({@link TitleKey}), as the import computes it. Reads the events in a cursor, so a large
 * store never sits in memory.
 */
public class V14__OutcomeLookups extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ObjectMapper json = new ObjectMapper();
        try (Statement read = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE import_ledger_outcome
                        SET source = COALESCE(?, source), imdb_id = COALESCE(?, imdb_id),
                            title_key = COALESCE(?, title_key), release_year = COALESCE(?, release_year)
                      WHERE tmdb_id = ?""")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet events = read.executeQuery("""
                    SELECT payload FROM domain_event_entry
                     WHERE payload_type IN ('org.cinegraph.events.MovieImported', 'org.cinegraph.events.MovieSkipped',
                                            'org.cinegraph.events.MovieImportFailed')
                     ORDER BY global_index""")) {
                while (events.next()) {
                    JsonNode event = json.readTree(events.getBytes(1));
                    update.setString(1, text(event, "source"));
                    update.setString(2, text(event, "imdbId"));
                    update.setString(3, TitleKey.of(text(event, "title")));
                    String releaseDate = text(event, "releaseDate");
                    if (releaseDate != null && releaseDate.length() >= 4) {
                        update.setInt(4, Integer.parseInt(releaseDate.substring(0, 4)));
                    } else {
                        update.setNull(4, Types.INTEGER);
                    }
                    update.setInt(5, event.path("tmdbId").asInt());
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

    private static String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
