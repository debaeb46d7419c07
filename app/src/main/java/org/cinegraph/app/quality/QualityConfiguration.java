package org.cinegraph.app.quality;

import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.command.quality.QualityRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityConfiguration.QualityProperties.class)
class QualityConfiguration {

    @Bean
    QualityFilter qualityFilter(QualityProperties properties) {
        return new QualityFilter(new QualityRules(properties.minVoteCount(), properties.minPopularity(),
                properties.minCriteria()));
    }

    /** {@code cinegraph.quality.*}: the quality filter, as README's configuration describes it. */
    @ConfigurationProperties("cinegraph.quality")
    record QualityProperties(
            @DefaultValue("10") long minVoteCount,
            @DefaultValue("0.5") double minPopularity,
            @DefaultValue("2") int minCriteria) {
    }
}
