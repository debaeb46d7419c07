package org.cinegraph.app.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cinegraph.health.*}: how old the last daily run may grow before the import's health says so. */
@ConfigurationProperties("cinegraph.health")
record HealthProperties(
        @DefaultValue("PT24H") Duration warnAfter,
        @DefaultValue("PT36H") Duration errorAfter) {
}
