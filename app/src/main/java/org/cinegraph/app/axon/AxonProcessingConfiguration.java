package org.cinegraph.app.axon;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.cinegraph.command.festival.FestivalLedgerHandler;
import org.cinegraph.command.lists.ListLedgerHandler;
import org.cinegraph.command.yearimport.YearImportRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event-handling settings that application.yml cannot express. Axon's default for a failing handler is to
 * log and go on; the year-import runner marks a year running in the transaction of its start, and a start
 * whose mark failed must fail with it rather than leave a year nobody will ever run. The festival and list
 * ledgers likewise: a nomination recorded, a list uploaded or a movie imported whose ledger row could not be
 * written fails with it (and is retried as a whole), rather than be missed by the matching for good.
 */
@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    @Bean
    ConfigurerModule subscribingHandlersPropagateErrors() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : List.of(YearImportRunner.NAME, FestivalLedgerHandler.NAME, ListLedgerHandler.NAME)) {
                processing.registerListenerInvocationErrorHandler(name, configuration -> PropagatingErrorHandler.instance());
            }
        });
    }

    /**
     * A streaming processor that finds no tokens starts at the head of the store, never at its tail (Axon's default
     * for processors other than sagas). Tokens are missing on a fresh database, whose head is its tail; otherwise
     * they were lost (the token table dropped), and starting at the tail would apply every event again, on top of
     * what the projection already holds, and repeat what the daily import's saga asked for. A projection without
     * tokens is replayed instead ({@code TableRecovery}).
     */
    @Bean
    ConfigurerModule streamingProcessorsWithoutTokensStartAtTheHead() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)));
    }
}
