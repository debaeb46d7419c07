package org.cinegraph.query.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.cinegraph.events.HealthAlertFailed;
import org.cinegraph.events.HealthAlertSent;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every announcement of a change of the import's health, sent or failed: a row per event, kept for good. */
@Component
@ProcessingGroup("health-alerts")
@ProjectionTables(value = "health_alerts", neverEmptyAfter = {HealthAlertSent.class, HealthAlertFailed.class})
class HealthAlertsProjection extends JdbcProjection {

    HealthAlertsProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(HealthAlertSent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        insert(eventId, at, "sent", event.status(), event.previousStatus(), event.message(), event.node(),
                event.receiver(), event.attempts(), null);
    }

    @EventHandler
    void on(HealthAlertFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        insert(eventId, at, "failed", event.status(), event.previousStatus(), event.message(), event.node(),
                event.receiver(), event.attempts(), event.reason());
    }

    /** An event applied twice leaves its one row. */
    private void insert(String eventId, Instant at, String outcome, String status, String previousStatus,
                        String message, String node, String receiver, int attempts, String reason) {
        jdbc.sql("""
                        INSERT INTO health_alerts (event_id, at, outcome, status, previous_status, message, node,
                                                   receiver, attempts, reason)
                        VALUES (:eventId, :at, :outcome, :status, :previousStatus, :message, :node, :receiver,
                                :attempts, :reason)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", eventId).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("outcome", outcome).param("status", status).param("previousStatus", previousStatus)
                .param("message", message).param("node", node).param("receiver", receiver)
                .param("attempts", attempts).param("reason", reason)
                .update();
    }
}
