package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.cinegraph.query.writes.ProjectionTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * A replay runs every handler of a streaming processor again. Only projections, which write nothing but
 * their own tables, may be replayed; every other handler (one that calls TMDb, schedules or sends commands)
 * is either in a processor that cannot replay or refuses replays with {@code @DisallowReplay}.
 */
@ApplicationTest
class SideEffectsNeverReplayTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void onlyProjectionsHandleEventsAgainInAReplay() {
        List<String> replayable = new ArrayList<>();
        List<String> projections = new ArrayList<>();
        for (String bean : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(bean);
            if (type == null || !type.getPackageName().startsWith("org.cinegraph")) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            for (Method method : type.getDeclaredMethods()) {
                // An aggregate's event-sourcing handlers rebuild its state on load; they are no event processor's.
                if (!AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)
                        || AnnotatedElementUtils.hasAnnotation(method, EventSourcingHandler.class)) {
                    continue;
                }
                String handler = type.getSimpleName() + "." + method.getName();
                EventProcessor processor = processing.eventProcessorByProcessingGroup(processingGroup(type))
                        .orElseThrow(() -> new AssertionError(handler + " is in no event processor"));
                // A processor that holds a saga refuses a reset (Axon's saga manager does not support one).
                boolean replays = processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()
                        && !AnnotatedElementUtils.hasAnnotation(method, DisallowReplay.class)
                        && !AnnotatedElementUtils.hasAnnotation(type, DisallowReplay.class);
                if (replays) {
                    replayable.add(handler);
                    if (type.isAnnotationPresent(ProjectionTables.class)) {
                        projections.add(handler);
                    }
                }
            }
        }

        assertThat(replayable).as("every projection is found").hasSizeGreaterThan(10);
        assertThat(replayable).as("replayable handlers that are not projections").isEqualTo(projections);
    }

    private static String processingGroup(Class<?> type) {
        ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
        return group != null ? group.value() : type.getPackageName();
    }
}
