package org.cinegraph.query.state;

/** The import's health, worst last: its name is what {@code GET /api/sync/health} answers, its level the gauge's. */
public enum HealthStatus {
    ok, warning, error;

    /** {@code cinegraph.health.status}: 0 ok, 1 warning, 2 error. */
    public int level() {
        return ordinal();
    }
}
