package org.cinegraph.query.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * A real PostgreSQL with the query side's migrations applied, shared by the projection tests of a JVM, and the read
 * side's repositories over it, each read in a session of its own (as outside a transaction in the application).
 */
public final class ProjectionDatabase {

    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static JpaRepositoryFactory repositories;

    private ProjectionDatabase() {
    }

    public static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            try {
                dataSource = EmbeddedPostgres.builder().start().getPostgresDatabase();
                Flyway.configure().dataSource(dataSource).load().migrate();
                jdbc = JdbcClient.create(dataSource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdbc;
    }

    /** The database itself, for a transaction of a test's own. */
    public static synchronized DataSource dataSource() {
        jdbc();
        return dataSource;
    }

    public static synchronized <T> T repository(Class<T> type) {
        if (repositories == null) {
            jdbc();
            LocalContainerEntityManagerFactoryBean entityManagers = new LocalContainerEntityManagerFactoryBean();
            entityManagers.setDataSource(dataSource);
            entityManagers.setPackagesToScan("org.cinegraph.query");
            entityManagers.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            // Spring Boot's naming, which the application runs with: tmdbTotal is column tmdb_total.
            entityManagers.setJpaPropertyMap(Map.of(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                    CamelCaseToUnderscoresNamingStrategy.class.getName()));
            entityManagers.afterPropertiesSet();
            repositories = new JpaRepositoryFactory(
                    SharedEntityManagerCreator.createSharedEntityManager(entityManagers.getObject()));
        }
        return repositories.getRepository(type);
    }
}
