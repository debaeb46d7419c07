package org.cinegraph.command.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the {@link DailyImportSaga}'s processor runs, beyond what application.yml sets (pooled, one segment):
 * <ul>
 *   <li>A handler that fails fails its batch, which the processor tries again, instead of Axon's default of
 *       logging and going on: a completed year whose continuation failed would otherwise hold the pass up until
 *       the next tick, with only a log line to say so.</li>
 *   <li>Its first token is at the start of the node that first runs it, a minute back, not at the head of the
 *       event stream (Axon's default for sagas): the node records {@code ImportScheduleStarted} as it becomes
 *       ready, which may be before the processor has taken its first token, and the saga must not miss its start.
 *       Earlier history is never handled, since no saga existed then.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DailyImportProcessing {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    @Bean
    ConfigurerModule dailyImportSagaProcessing(Clock clock) {
        Instant firstToken = clock.instant().minus(MARGIN);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(DailyImportSaga.PROCESSOR,
                        configuration -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessorConfiguration(DailyImportSaga.PROCESSOR,
                        (configuration, builder) -> builder.initialToken(source -> source.createTokenAt(firstToken))));
    }
}
