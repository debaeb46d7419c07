package org.cinegraph.app.festival;

import org.cinegraph.app.tmdb.SandboxModeCondition;
import org.cinegraph.command.festival.OscarsClient;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.cinegraph.sandbox.oscars.OscarsNominations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Points the ceremony scraper at oscars.org, or, in sandbox mode, at the built-in look-alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OscarsProperties.class)
class OscarsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OscarsConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(SandboxModeCondition.class)
    OscarsSandboxServer oscarsSandbox() {
        OscarsSandboxServer sandbox = OscarsSandboxServer.start(OscarsNominations.bundled());
        log.warn("SANDBOX MODE: oscars.org is simulated at {}, its ceremony pages built from the bundled "
                + "oscars.csv.", sandbox.baseUrl());
        return sandbox;
    }

    @Bean
    OscarsClient oscarsClient(OscarsProperties properties, ObjectProvider<OscarsSandboxServer> sandbox) {
        OscarsSandboxServer server = sandbox.getIfAvailable();
        return new OscarsClient(server != null ? server.baseUrl() : properties.baseUrl(), properties.timeout(),
                properties.maxPageSize().toBytes(), properties.requestsPerSecond(), properties.retryBackoff());
    }
}
