package org.cinegraph.app.health;

import org.cinegraph.query.state.HealthReport;
import org.cinegraph.query.state.ImportHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code import} component of {@code /actuator/health}: {@code ok} is {@code UP}, {@code warning} the status
 * {@code WARNING} (answered 200: the service is up, a person should look), {@code error} is {@code DOWN} (503).
 * Its details, shown to the admin only, are what {@code GET /api/sync/health} says.
 */
class ImportHealthIndicator implements HealthIndicator {

    /** Between {@code DOWN} and {@code UP} in {@code management.endpoint.health.status.order}. */
    static final Status WARNING = new Status("WARNING", "the import needs a look");

    private final ImportHealth health;

    ImportHealthIndicator(ImportHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        HealthReport report = health.now();
        Health.Builder builder = switch (report.status()) {
            case ok -> Health.up();
            case warning -> Health.status(WARNING);
            case error -> Health.down();
        };
        builder.withDetail("status", report.status().name()).withDetail("message", report.message());
        if (report.hoursSinceLastSync() != null) {
            builder.withDetail("hoursSinceLastSync", report.hoursSinceLastSync());
        }
        return builder.build();
    }
}
