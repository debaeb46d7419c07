package org.cinegraph.query.state;

/**
 * The import's health as {@code GET /api/sync/health} answers it: the worst status found, every finding in words,
 * worst first, and the hours since the last daily run (null before the first).
 */
public record HealthReport(HealthStatus status, String message, Double hoursSinceLastSync) {
}
