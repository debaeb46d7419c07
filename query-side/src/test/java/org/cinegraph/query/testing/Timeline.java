package org.cinegraph.query.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Handler calls in the order of their events, each event a second after the one before, so each change's time shows. */
public final class Timeline {

    private final Instant start;
    private final List<Runnable> calls = new ArrayList<>();

    public Timeline(Instant start) {
        this.start = start;
    }

    /** Adds the call of the next event's handler, which is given the event's time. */
    public void then(Consumer<Instant> handler) {
        Instant at = start.plusSeconds(calls.size());
        calls.add(() -> handler.accept(at));
    }

    /** How many events come before the next one. */
    public int size() {
        return calls.size();
    }

    public List<Runnable> calls() {
        return calls;
    }
}
