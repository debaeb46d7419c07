package org.cinegraph.query.sequencing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Puts each event in the sequence of what it is about, as the first rule for its payload's type says; an event no
 * rule covers goes where the fallback puts it. Page, outcome and match events are no aggregate's own, so Axon's
 * default policy, one sequence per aggregate, would scatter the events a projection must apply in order.
 */
public abstract class PayloadSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    /** The fallback for events that may be applied alongside anything. */
    protected static final SequencingPolicy<EventMessage<?>> ANY_ORDER = event -> null;

    private final List<Rule<?>> rules = new ArrayList<>();
    private final SequencingPolicy<? super EventMessage<?>> fallback;

    protected PayloadSequencingPolicy(SequencingPolicy<? super EventMessage<?>> fallback) {
        this.fallback = fallback;
    }

    /** Events whose payload is a {@code type} go in the sequence that {@code sequence} names. */
    protected final <T> void sequence(Class<T> type, Function<? super T, ?> sequence) {
        rules.add(new Rule<>(type, sequence));
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        for (Rule<?> rule : rules) {
            if (rule.type().isInstance(payload)) {
                return rule.sequenceOf(payload);
            }
        }
        return fallback.getSequenceIdentifierFor(event);
    }

    private record Rule<T>(Class<T> type, Function<? super T, ?> sequence) {

        Object sequenceOf(Object payload) {
            return sequence.apply(type.cast(payload));
        }
    }
}
