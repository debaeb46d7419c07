package org.cinegraph.query.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real PostgreSQL with the query side's migrations applied, shared by the projection tests of a JVM. */
public final class ProjectionDatabase {

    private static JdbcClient jdbc;

    private ProjectionDatabase() {
    }

    public static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
                jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdbc;
    }
}
