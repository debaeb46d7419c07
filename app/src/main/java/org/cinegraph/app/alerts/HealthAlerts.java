package org.cinegraph.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.events.HealthAlertFailed;
import org.cinegraph.events.HealthAlertSent;
import org.cinegraph.query.state.HealthReport;
import org.cinegraph.query.state.HealthStatus;
import org.cinegraph.query.state.ImportHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces each change of the import's health to the webhook, once across the nodes sharing the database: one node
 * at a time announces (its term in the database, renewed at each check, so nodes that judge differently never
 * announce each other's status in turn); every check interval it judges the health; a status that held for the settle period on this node (so that a
 * flapping one is not announced at each flap) and differs from the one last announced is claimed in the database
 * ({@link AlertClaims}), POSTed with retries, and recorded as {@link HealthAlertSent} or {@link HealthAlertFailed} in
 * the transaction that ends the claim. A failed announcement is tried again once the settle period has passed.
 */
class HealthAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthAlerts.class);

    private final ImportHealth health;
    private final AlertClaims claims;
    private final WebhookSender sender;
    private final EventGateway events;
    private final TransactionTemplate transactions;
    private final TaskScheduler scheduler;
    private final ObjectMapper json;
    private final Clock clock;
    private final AlertProperties settings;
    private final String node;
    /**
     * Who announces, in the announcer's term: this node, told apart from another application of the same process
     * (several run in one JVM in tests, where {@code node} is the same for all).
     */
    private final String announcer;
    private HealthStatus candidate;
    private Instant candidateSince;
    private volatile ScheduledFuture<?> checks;

    HealthAlerts(ImportHealth health, AlertClaims claims, WebhookSender sender, EventGateway events,
                 TransactionTemplate transactions, TaskScheduler scheduler, ObjectMapper json, Clock clock,
                 AlertProperties settings, String node) {
        this.health = health;
        this.claims = claims;
        this.sender = sender;
        this.events = events;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.announcer = node + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        log.info("Changes of the import's health are announced to the {}", sender.webhook());
        checks = scheduler.scheduleWithFixedDelay(this::checkLogged, settings.checkInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = checks;
        if (running != null) {
            running.cancel(true);
            try {
                transactions.executeWithoutResult(tx -> claims.stepDown(announcer));
            } catch (RuntimeException e) {
                log.warn("Could not hand over the announcing of the import's health; another node takes it over once "
                        + "this one's term runs out: {}", sender.webhook().masked(String.valueOf(e.getMessage())));
            }
        }
        checks = null;
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    private void checkLogged() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not check whether the import's health changed: {}",
                    sender.webhook().masked(String.valueOf(e.getMessage())));
        }
    }

    /**
     * One check, on the announcer only: judges the health and announces it when it changed, held for the settle
     * period, and is ours. The announcer's term outlasts its longest sending and the check after it.
     */
    void check() {
        Duration term = sender.longestSend().plus(settings.checkInterval().multipliedBy(2));
        if (!Boolean.TRUE.equals(transactions.execute(tx -> claims.lead(announcer, term)))) {
            // Another node announces; should this one take over, its status must hold the settle period from then.
            candidate = null;
            return;
        }
        HealthReport report = health.now();
        Instant now = clock.instant();
        if (report.status() != candidate) {
            candidate = report.status();
            candidateSince = now;
        }
        if (Duration.between(candidateSince, now).compareTo(settings.settle()) < 0) {
            return;
        }
        String status = report.status().name();
        Optional<String> claimed = transactions.execute(tx -> claims.claim(status, node, sender.longestSend()
                .plus(settings.checkInterval())));
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        String previous = claimed.get().isEmpty() ? null : claimed.get();
        String body = body(report, previous, now);
        String host = sender.webhook().host();
        try {
            int attempts = sender.send(body);
            transactions.executeWithoutResult(tx -> {
                claims.announced(status, node);
                events.publish(new HealthAlertSent(status, previous, report.message(), node, host, attempts));
            });
            log.info("Announced the import's health {} (was {}) to {} on attempt {}", status, previous, host,
                    attempts);
        } catch (WebhookSender.DeliveryFailedException failed) {
            transactions.executeWithoutResult(tx -> {
                claims.failed(node, settings.settle());
                events.publish(new HealthAlertFailed(status, previous, report.message(), node, host,
                        failed.attempts(), failed.getMessage()));
            });
            log.warn("Could not announce the import's health {} (was {}) to {} in {} attempts: {}; tried again in {}",
                    status, previous, host, failed.attempts(), failed.getMessage(), settings.settle());
        }
    }

    /** What the webhook gets; {@code text} is one line a Slack or Mattermost incoming webhook shows as it is. */
    private String body(HealthReport report, String previous, Instant at) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", report.status().name());
        alert.put("previousStatus", previous);
        alert.put("message", report.message());
        alert.put("at", at.toString());
        alert.put("node", node);
        alert.put("text", "Cinegraph import health: " + report.status().name().toUpperCase()
                + (previous == null ? "" : " (was " + previous + ")") + ". "
                + report.message().replaceAll("\\s+", " "));
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An alert that cannot be written as JSON", e);
        }
    }
}
