package org.cinegraph.command.schedule;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the {@link DailyImportSaga}'s processor handles a failure, beyond what application.yml sets (pooled, one
 * segment): a handler that fails fails its batch, which the processor tries again, instead of Axon's default of
 * logging and going on. A completed year whose continuation failed would otherwise hold the pass up until the next
 * tick, with only a log line to say so.
 */
@Configuration(proxyBeanMethods = false)
class DailyImportProcessing {

    @Bean
    ConfigurerModule dailyImportSagaFailuresRetry() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(DailyImportSaga.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
