package org.cinegraph.query.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code health_alerts}, which the health-alerts projection writes: one announcement, sent or failed. */
@Entity
@Immutable
@Table(name = "health_alerts")
class HealthAlertRow {

    @Id
    private String eventId;
    private Instant at;
    private String outcome;
    private String status;
    @Column(name = "previous_status")
    private String previousStatus;
    private String message;
    private String node;
    private String receiver;
    private int attempts;
    private String reason;

    protected HealthAlertRow() {
    }

    HealthAlertsController.HealthAlert view() {
        return new HealthAlertsController.HealthAlert(at, outcome, status, previousStatus, message, node, receiver,
                attempts, reason);
    }
}
