package org.cinegraph.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the product runs its own PostgreSQL: the real server, from the
 * binaries zonky publishes on Maven Central, with its data in {@code <cinegraph.data-dir>/postgres} so
 * that a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);

    @Bean
    EmbeddedPostgresCredentials embeddedPostgresCredentials(@Value("${cinegraph.data-dir}") Path dataDir)
            throws IOException {
        Files.createDirectories(dataDir);
        return EmbeddedPostgresCredentials.in(dataDir.toAbsolutePath().normalize());
    }

    /**
     * The data directory comes from the credentials, so that it is read from the configuration once: a value such
     * as {@code ${random.uuid}} would give a new directory at every read.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresCredentials credentials) throws IOException, SQLException {
        Path pgData = credentials.dataDirectory().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfOrphaned(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setDataDirectoryCustomizer(directory -> credentials.writeHostBasedAuthentication(directory.toPath()))
                .setConnectConfig("password", credentials.password())
                // zonky's defaults suit throwaway test databases (fsync and synchronous commit off); this
                // one holds the product's events, so every commit reaches the disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                // Crash recovery after a kill can take longer than zonky's 10 s default.
                .setPGStartupWait(STARTUP_WAIT)
                // Spring closes the server after everything that uses it; a JVM hook of its own could stop
                // it while Axon still commits its last batch.
                .setRegisterShutdownHook(false)
                .start();
        credentials.secure(postgres.getPostgresDatabase(), pgData);
        log.info("Embedded PostgreSQL running on port {} with its data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresCredentials credentials) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword(credentials.password());
        dataSource.setPoolName("cinegraph-embedded");
        return dataSource;
    }
}
