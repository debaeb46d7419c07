package org.cinegraph.app.tmdb;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.cinegraph.command.export.ExportFiles;
import org.cinegraph.command.export.TmdbExports;
import org.cinegraph.command.tmdb.TmdbActivity;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbConnection;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Points the TMDb client at TMDb, or, in sandbox mode, at the built-in sandbox on a loopback port. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TmdbProperties.class, SandboxProperties.class})
class TmdbConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TmdbConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(SandboxModeCondition.class)
    TmdbSandboxServer tmdbSandbox(SandboxProperties properties, Clock clock) {
        TmdbSandboxServer sandbox = TmdbSandboxServer.start(catalogue(properties, clock), clock);
        log.warn("SANDBOX MODE: no TMDb credentials are configured, so TMDb is simulated by the built-in sandbox "
                + "at {} with a generated catalogue. Set TMDB_API_TOKEN or TMDB_API_KEY to import from TMDb.",
                sandbox.baseUrl());
        return sandbox;
    }

    private static SandboxCatalogue catalogue(SandboxProperties properties, Clock clock) {
        if (properties.moviesPerYear() == null || properties.moviesPerYear().isEmpty()) {
            return SandboxCatalogue.defaultCatalogue(Year.now(clock).getValue());
        }
        SandboxCatalogue.Builder catalogue = SandboxCatalogue.builder().seed(properties.seed());
        properties.moviesPerYear().forEach(catalogue::year);
        return catalogue.build();
    }

    @Bean
    TmdbConnection tmdbConnection(TmdbProperties properties, ObjectProvider<TmdbSandboxServer> sandbox) {
        TmdbSandboxServer server = sandbox.getIfAvailable();
        if (server != null) {
            return TmdbConnection.of(server.baseUrl(), null, null, properties.connectTimeout(), properties.readTimeout());
        }
        return TmdbConnection.of(properties.baseUrl(), properties.apiToken(), properties.apiKey(),
                properties.connectTimeout(), properties.readTimeout());
    }

    @Bean
    TmdbLimits tmdbLimits(TmdbProperties properties) {
        return properties.limits();
    }

    /** What this node's client asked of TMDb in the last day; {@code GET /api/tmdb/activity} answers from it. */
    @Bean
    TmdbActivity tmdbActivity(Clock clock) {
        return new TmdbActivity(clock);
    }

    @Bean
    TmdbClient tmdbClient(TmdbConnection connection, TmdbLimits limits, RestClient.Builder builder,
                          MeterRegistry meters, TmdbActivity activity) {
        return new TmdbClient(connection, limits, builder, meters, activity);
    }

    /**
     * TMDb's daily ID exports, with the client's timeouts and retries but none of its credentials: the file server
     * takes none, and a token sent there would be a token given away. In sandbox mode, the sandbox's.
     */
    @Bean
    ExportFiles tmdbExports(TmdbProperties properties, TmdbLimits limits, ObjectProvider<TmdbSandboxServer> sandbox) {
        TmdbSandboxServer server = sandbox.getIfAvailable();
        return new TmdbExports(server != null ? server.exportsBaseUrl() : properties.exportsBaseUrl(),
                properties.connectTimeout(), properties.readTimeout(), limits);
    }

    /**
     * {@code GET /actuator/info}, open to anyone, tells whether this node talks to the sandbox or to TMDb (the
     * dashboard shows sandbox mode from it), and nothing about where: no URL, no address.
     */
    @Bean
    InfoContributor tmdbInfo(ObjectProvider<TmdbSandboxServer> sandbox) {
        boolean sandboxMode = sandbox.getIfAvailable() != null;
        return info -> info.withDetail("tmdb", Map.of("mode", sandboxMode ? "sandbox" : "tmdb"));
    }
}
