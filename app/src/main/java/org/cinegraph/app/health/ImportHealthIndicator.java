package org.cinegraph.app.health;

import org.cinegraph.query.state.HealthReport;
import org.cinegraph.query.state.ImportHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code import} component of {@code /actuator/health}: {@code ok} is {@code UP}, {@code warning} the status
 * {@code WARNING} (answered 200: the service is up, a person should look), {@code error} is {@code DOWN} (503).
 * Its details, shown to the admin only, are what {@code GET /api/sync/health} says. A judgement that fails (the
 * database unreachable) is {@code DOWN} too, never an error of the whole endpoint.
 */
class ImportHealthIndicator extends AbstractHealthIndicator {

    /** Between {@code DOWN} and {@code UP} in {@code management.endpoint.health.status.order}. */
    static final Status WARNING = new Status("WARNING", "the import needs a look");

    private final ImportHealth health;

    ImportHealthIndicator(ImportHealth health) {
        super("The import's health could not be judged");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = health.now();
        switch (report.status()) {
            case ok -> builder.up();
            case warning -> builder.status(WARNING);
            case error -> builder.down();
        }
        builder.withDetail("status", report.status().name()).withDetail("message", report.message());
        if (report.hoursSinceLastSync() != null) {
            builder.withDetail("hoursSinceLastSync", report.hoursSinceLastSync());
        }
    }
}
