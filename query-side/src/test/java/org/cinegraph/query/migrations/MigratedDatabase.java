package org.cinegraph.query.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An embedded PostgreSQL of its own, migrated up to a version, for a test to fill as a database of that version was
 * filled and then migrate to the latest.
 */
final class MigratedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DataSource database;

    private MigratedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.database = postgres.getPostgresDatabase();
    }

    /** A database as the migrations up to and including {@code version} leave it. */
    static MigratedDatabase upTo(String version) throws IOException {
        MigratedDatabase migrated = new MigratedDatabase(EmbeddedPostgres.builder().start());
        try {
            Flyway.configure().dataSource(migrated.database).target(version).load().migrate();
            return migrated;
        } catch (RuntimeException e) {
            migrated.close();
            throw e;
        }
    }

    JdbcClient jdbc() {
        return JdbcClient.create(database);
    }

    /** Runs every migration after the version it was migrated up to. */
    void migrateToLatest() {
        Flyway.configure().dataSource(database).load().migrate();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
