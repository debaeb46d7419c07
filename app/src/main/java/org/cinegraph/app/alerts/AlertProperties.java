package org.cinegraph.app.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cinegraph.alerts.*}: where each change of the import's health is POSTed (none when {@code webhook-url} is
 * empty), with an optional header ({@code Name: value}, a token say); how long a status must hold before it is
 * announced; how often the health is checked; how a POST is retried.
 */
@ConfigurationProperties("cinegraph.alerts")
record AlertProperties(
        @DefaultValue("") String webhookUrl,
        @DefaultValue("") String webhookHeader,
        @DefaultValue("PT2M") Duration settle,
        @DefaultValue("PT15S") Duration checkInterval,
        @DefaultValue Retry retry) {

    /** Attempts of one POST, with exponential backoff between them from {@code initialBackoff} to {@code maxBackoff}. */
    record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("PT2S") Duration initialBackoff,
            @DefaultValue("PT30S") Duration maxBackoff) {
    }
}
