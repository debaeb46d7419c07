package org.cinegraph.app.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migrations whose comments were reworded after databases had run them: before Flyway validates, a history row that
 * holds exactly a migration's checksum from before the rewording is given the checksum of the reworded file, so that
 * an existing database still starts. A row with any other checksum is left as it is and fails validation.
 */
@Component
class RewordedMigrationChecksums implements Callback {

    /**
     * Comment-only rewordings (ticket numbers taken out of the first comment lines): each file's statements are
     * byte for byte those the databases ran. Checksums as Flyway computes them, before and after.
     */
    static final List<Rewording> REWORDINGS = List.of(
            new Rewording("10", -1493532765, -554206088),
            new Rewording("12", 1277541096, -249379353),
            new Rewording("13", 855928800, 680965567),
            new Rewording("15", -1419026955, -350519552),
            new Rewording("16", 1809841191, -1198070989),
            new Rewording("17", 1412959052, -1748585673),
            new Rewording("21", -1483517583, 508985757),
            new Rewording("22", 1686428548, -1623994577));

    private static final Logger log = LoggerFactory.getLogger(RewordedMigrationChecksums.class);

    record Rewording(String version, int oldChecksum, int newChecksum) {
    }

    /** Validation runs first within migrate, when validate-on-migrate is on; before migrate covers it off. */
    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            String history = historyTable(connection, context.getConfiguration());
            if (history == null) {
                return;
            }
            String update = "UPDATE " + history + " SET checksum = ? WHERE version = ? AND checksum = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Rewording rewording : REWORDINGS) {
                    statement.setInt(1, rewording.newChecksum());
                    statement.setString(2, rewording.version());
                    statement.setInt(3, rewording.oldChecksum());
                    if (statement.executeUpdate() > 0) {
                        log.info("Schema history: V{} checksum {} -> {} (its comments were reworded, not its SQL)",
                                rewording.version(), rewording.oldChecksum(), rewording.newChecksum());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not update the checksums of reworded migrations", e);
        }
    }

    /**
     * The schema history table, quoted as PostgreSQL needs it, in the schema Flyway keeps it in (the default schema,
     * else the first configured one, else the connection's); null while it does not exist (a new database).
     */
    private static String historyTable(Connection connection, Configuration configuration) throws SQLException {
        String schema = configuration.getDefaultSchema();
        if (schema == null && configuration.getSchemas().length > 0) {
            schema = configuration.getSchemas()[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT to_regclass(quote_ident(coalesce(?, current_schema())) || '.' || quote_ident(?))::text")) {
            statement.setString(1, schema);
            statement.setString(2, configuration.getTable());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    @Override
    public String getCallbackName() {
        return getClass().getSimpleName();
    }
}
