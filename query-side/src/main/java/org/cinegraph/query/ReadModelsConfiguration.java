package org.cinegraph.query;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The read API reads the projections' tables through read-only entities ({@code @Immutable}, one for each table)
 * and Spring Data repositories, each in the package of its feature. Only a node that runs the query side maps them.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan
@EnableJpaRepositories
class ReadModelsConfiguration {
}
