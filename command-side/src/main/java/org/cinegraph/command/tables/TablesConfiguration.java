package org.cinegraph.command.tables;

import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.transaction.PlatformTransactionManager;

/** The rebuild of the command side's derived tables, reading events as the event store reads them. */
@Configuration(proxyBeanMethods = false)
class TablesConfiguration {

    @Bean
    DerivedTables derivedTables(ObjectProvider<DerivedTable> tables, DataSource dataSource, PlatformTransactionManager transactions,
                                @Qualifier("eventSerializer") Serializer serializer,
                                ObjectProvider<org.axonframework.config.Configuration> axon) {
        // Every upcaster bean is registered in Axon's configuration; its chain is what the event store reads with.
        return new DerivedTables(tables.orderedStream().toList(), dataSource, transactions, serializer,
                intermediateRepresentations -> axon.getObject().upcasterChain().upcast(intermediateRepresentations));
    }
}
