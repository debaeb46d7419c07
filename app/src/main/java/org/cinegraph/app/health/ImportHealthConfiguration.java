package org.cinegraph.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.cinegraph.app.roles.QueryRoleCondition;
import org.cinegraph.query.state.ImportHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The import's health where a load balancer, Kubernetes and Prometheus look for it, on a node that judges it (one
 * with the {@code query} role).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(QueryRoleCondition.class)
class ImportHealthConfiguration {

    /** Named so that its component of {@code /actuator/health} is {@code import}. */
    @Bean
    ImportHealthIndicator importHealthIndicator(ImportHealth health) {
        return new ImportHealthIndicator(health);
    }

    /** {@code cinegraph.health.status}: 0 ok, 1 warning, 2 error, judged at each scrape. */
    @Bean
    Gauge importHealthGauge(ImportHealth health, MeterRegistry meters) {
        return Gauge.builder("cinegraph.health.status", health, importHealth -> importHealth.now().status().level())
                .description("The import's health: 0 ok, 1 warning, 2 error (GET /api/sync/health says why)")
                .register(meters);
    }
}
