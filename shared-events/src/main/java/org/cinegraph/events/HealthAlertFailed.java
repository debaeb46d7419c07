package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A change of the import's health could not be announced to the webhook after {@code attempts} tries; a later
 * check tries again. {@code reason} says why (an HTTP status, or what failed), without the webhook's path or header;
 * {@code receiver} is its host only.
 */
@Revision("1")
public record HealthAlertFailed(String status, String previousStatus, String message, String node, String receiver,
                                int attempts, String reason) {
}
