package org.cinegraph.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.app.database.RewordedMigrationChecksums.Rewording;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database migrated before the rewording holds the old checksums: Flyway as the application configures it moves
 * exactly those to the new ones and validates, and still refuses any other checksum. Each test migrates a database
 * of its own, never the application's.
 */
@ApplicationTest
class RewordedMigrationChecksumsTest {

    private static final Map<String, Integer> OLD = RewordedMigrationChecksums.REWORDINGS.stream()
            .collect(Collectors.toMap(Rewording::version, Rewording::oldChecksum));
    private static final Map<String, Integer> NEW = RewordedMigrationChecksums.REWORDINGS.stream()
            .collect(Collectors.toMap(Rewording::version, Rewording::newChecksum));

    @Autowired
    private Flyway applicationFlyway;

    @Test
    void aDatabaseWithTheChecksumsFromBeforeTheRewordingGetsTheNewOnesAndValidates() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(database);
            Flyway flyway = migratedAsTheApplicationDoes(database);
            assertThat(checksums(jdbc)).as("the reworded files' checksums, as Flyway computes them").isEqualTo(NEW);

            OLD.forEach((version, checksum) -> setChecksum(jdbc, version, checksum));
            assertThat(Flyway.configure().dataSource(database).load().validateWithResult().validationSuccessful)
                    .as("without the callback such a database fails validation").isFalse();

            flyway.migrate();

            assertThat(checksums(jdbc)).isEqualTo(NEW);
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    @Test
    void anyOtherChecksumStillFailsValidation() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(database);
            Flyway flyway = migratedAsTheApplicationDoes(database);
            OLD.forEach((version, checksum) -> setChecksum(jdbc, version, checksum));
            int tampered = OLD.get("12") + 1;
            setChecksum(jdbc, "12", tampered);

            assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayValidateException.class)
                    .hasMessageContaining("Migration checksum mismatch for migration version 12");

            assertThat(checksums(jdbc)).containsEntry("12", tampered).containsEntry("10", NEW.get("10"));
            assertThat(flyway.validateWithResult().validationSuccessful).isFalse();
        }
    }

    /** The application's Flyway configuration (its callbacks included) on another, new database, migrated. */
    private Flyway migratedAsTheApplicationDoes(DataSource database) {
        Flyway flyway = Flyway.configure().configuration(applicationFlyway.getConfiguration()).dataSource(database).load();
        assertThat(flyway.info().applied()).as("a new database, not the application's").isEmpty();
        assertThat(flyway.getConfiguration().getCallbacks()).hasAtLeastOneElementOfType(RewordedMigrationChecksums.class);
        flyway.migrate();
        return flyway;
    }

    private static Map<String, Integer> checksums(JdbcClient jdbc) {
        return jdbc.sql("SELECT version, checksum FROM flyway_schema_history WHERE version IN (:versions)")
                .param("versions", OLD.keySet())
                .query((row, number) -> Map.entry(row.getString("version"), row.getInt("checksum")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void setChecksum(JdbcClient jdbc, String version, int checksum) {
        assertThat(jdbc.sql("UPDATE flyway_schema_history SET checksum = :checksum WHERE version = :version")
                .param("checksum", checksum).param("version", version).update()).isEqualTo(1);
    }
}
