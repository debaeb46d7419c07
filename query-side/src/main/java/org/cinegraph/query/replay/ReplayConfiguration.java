package org.cinegraph.query.replay;

import org.axonframework.config.ConfigurerModule;
import org.cinegraph.query.answers.ReadModelVersions;
import org.cinegraph.query.deadletters.DeadLetterRetries;
import org.cinegraph.query.deadletters.EventIsolation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires every projection's processor for replays beside the live tables, and for dead letters. */
@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    private static final int SEQUENCE_CACHE_SIZE = 16_384;

    @Bean
    ConfigurerModule projectionsReplayBesideTheirTables(Projections projections, ReplayStore store,
            RebuildTables tables, EventIsolation isolation, FailingSegments failing, ReadModelVersions versions) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (Projection projection : projections.all()) {
                processing.registerHandlerInterceptor(projection.name(),
                        configuration -> new ProjectionTransaction(projection.name(), store, tables, failing,
                                versions));
                // A replay applies every event again, those parked as dead letters included; letters left
                // over from before the replay would hold back the sequences they block for no reason.
                // Without the cache the queue is asked, for every event, whether its sequence holds a dead
                // letter: one query per event and projection. A segment whose queue started empty only
                // needs to remember the sequences it parked itself.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(projection.name(),
                        (configuration, builder) -> builder.allowReset(true)
                                .enableSequenceIdentifierCache()
                                .sequenceIdentifierCacheSize(SEQUENCE_CACHE_SIZE));
                // A batch that fails is retried with each event on its own, so that only the one that fails is
                // parked (EventIsolation).
                processing.registerErrorHandler(projection.name(), configuration -> isolation.errorHandler());
                processing.registerDeadLetterPolicy(projection.name(),
                        configuration -> DeadLetterRetries.enqueuePolicy());
            }
        });
    }
}
