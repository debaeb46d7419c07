package org.cinegraph.app.settings;

import org.cinegraph.kernel.settings.HealthThresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import health's thresholds, as {@code cinegraph.health.*} sets them. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /** Thresholds that are not positive, or a warning not before the error, stop the start, naming the setting. */
    @Bean
    HealthThresholds healthThresholds(HealthProperties properties) {
        return new HealthThresholds(properties.warnAfter(), properties.errorAfter());
    }
}
