package org.cinegraph.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event-handling settings that application.yml cannot express. Axon's default for a failing handler is to
 * log and go on; the year-import runner marks a year running in the transaction of its start, and a start
 * whose mark failed must fail with it rather than leave a year nobody will ever run.
 */
@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    @Bean
    ConfigurerModule yearImportRunnerPropagatesErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                YearImportRunner.NAME, configuration -> PropagatingErrorHandler.instance()));
    }
}
