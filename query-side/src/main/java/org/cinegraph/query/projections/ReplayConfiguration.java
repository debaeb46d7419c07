package org.cinegraph.query.projections;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires every projection's processor for replays beside the live tables. */
@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    private static final int SEQUENCE_CACHE_SIZE = 16_384;

    @Bean
    ConfigurerModule projectionsReplayBesideTheirTables(Projections projections, ReplayStore store,
            RebuildTables tables) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (Projection projection : projections.all()) {
                processing.registerHandlerInterceptor(projection.name(),
                        configuration -> new ProjectionTransaction(projection.name(), store, tables));
                // A replay applies every event again, those parked as dead letters included; letters left
                // over from before the replay would hold back the sequences they block for no reason.
                // Without the cache the queue is asked, for every event, whether its sequence holds a dead
                // letter: one query per event and projection. A segment whose queue started empty only
                // needs to remember the sequences it parked itself.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(projection.name(),
                        (configuration, builder) -> builder.allowReset(true)
                                .enableSequenceIdentifierCache()
                                .sequenceIdentifierCacheSize(SEQUENCE_CACHE_SIZE));
            }
        });
    }
}
