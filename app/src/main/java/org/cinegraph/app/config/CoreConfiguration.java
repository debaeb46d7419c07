package org.cinegraph.app.config;

import java.time.Clock;
import java.time.Year;
import org.cinegraph.events.ImportRange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** Every time the product reasons about is UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ImportRange importRange(ImportProperties properties, Clock clock) {
        int firstYear = properties.firstYear() != null ? properties.firstYear() : Year.now(clock).getValue();
        return new ImportRange(firstYear, properties.lastYear());
    }
}
