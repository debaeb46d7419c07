package org.cinegraph.app.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.app.roles.QueryRoleCondition;
import org.cinegraph.command.node.ThisNode;
import org.cinegraph.query.state.ImportHealth;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts of the import health's changes, on a node that judges the health (the {@code query} role) when
 * {@code cinegraph.alerts.webhook-url} is set. Settings that cannot work stop the start, naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@Conditional({QueryRoleCondition.class, WebhookConfiguredCondition.class})
class AlertsConfiguration {

    /** The checks' one thread; not a default candidate, so Spring Boot's own scheduler stays the one injected. */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskScheduler healthAlertChecks() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("health-alerts-");
        scheduler.setDaemon(true);
        return scheduler;
    }

    @Bean
    HealthAlerts healthAlerts(AlertProperties settings, ImportHealth health, JdbcClient jdbc, EventGateway events,
                              TransactionTemplate transactions, ObjectMapper json, Clock clock,
                              @Qualifier("healthAlertChecks") ThreadPoolTaskScheduler checks) {
        positive(settings.checkInterval(), "cinegraph.alerts.check-interval");
        positive(settings.retry().initialBackoff(), "cinegraph.alerts.retry.initial-backoff");
        if (settings.settle().isNegative()) {
            throw new IllegalArgumentException("cinegraph.alerts.settle cannot be negative, not " + settings.settle()
                    + ".");
        }
        if (settings.retry().maxAttempts() < 1) {
            throw new IllegalArgumentException("cinegraph.alerts.retry.max-attempts must be at least 1, not "
                    + settings.retry().maxAttempts() + ".");
        }
        if (settings.retry().maxBackoff().compareTo(settings.retry().initialBackoff()) < 0) {
            throw new IllegalArgumentException("cinegraph.alerts.retry.max-backoff must not be shorter than "
                    + "initial-backoff.");
        }
        WebhookSender sender = new WebhookSender(Webhook.of(settings.webhookUrl(), settings.webhookHeader()),
                settings.retry());
        return new HealthAlerts(health, new AlertClaims(jdbc), sender, events, transactions, checks,
                json, clock, settings, ThisNode.NAME);
    }

    private static void positive(Duration duration, String setting) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, not " + duration + ".");
        }
    }
}
