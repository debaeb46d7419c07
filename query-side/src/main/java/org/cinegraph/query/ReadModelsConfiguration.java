package org.cinegraph.query;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The read API reads the projections' tables through read-only entities ({@code @Immutable}, one for each table)
 * and Spring Data repositories, each in the package of its feature. Only a node that runs the query side maps them.
 * A read runs as the JDBC reads before them did, each statement with auto-commit, not inside a read-only transaction
 * of its own (Spring Data's default), which added its begin, its end and the switches of the connection's modes to
 * every read: the application's CPU per dashboard read fell from 1.78 to 1.56 ms without it ({@code bench/reads
 * 20000}, repository timers off too). The answers are the same: the JDBC reads ran each statement on its own too.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan
@EnableJpaRepositories(enableDefaultTransactions = false)
class ReadModelsConfiguration {
}
