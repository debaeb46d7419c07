package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A change of the import's health was announced to the webhook ({@code cinegraph.alerts.webhook-url}): it answered
 * 2xx on the {@code attempts}-th try. {@code receiver} is the webhook's host only, never its path or header, which
 * may hold a token. {@code previousStatus} is null for the first status ever announced.
 */
@Revision("1")
public record HealthAlertSent(String status, String previousStatus, String message, String node, String receiver,
                              int attempts) {
}
