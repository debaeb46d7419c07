package org.cinegraph.command.node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs what an admin's request, or a start's catch-up, leaves to do in the background, single-flight: an action is
 * refused while one of the same name runs or waits to (the request answers 409). Actions of one lane run one after
 * the other, in the order they came (the lists looked up one at a time, say); lanes run side by side. A node that
 * stops interrupts the action that runs and drops those that wait.
 */
@Component
public class BackgroundActions {

    private static final Logger log = LoggerFactory.getLogger(BackgroundActions.class);

    private final TaskExecutor threads;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    BackgroundActions(@Qualifier(BackgroundThreads.ACTIONS) TaskExecutor threads) {
        this.threads = threads;
    }

    /**
     * Runs the action in a lane of its own name, unless an action of that name runs.
     *
     * @return false when one does: nothing is run
     */
    public boolean start(String name, Runnable action) {
        Optional<Reservation> reserved = reserve(name, name);
        reserved.ifPresent(reservation -> reservation.run(action));
        return reserved.isPresent();
    }

    /**
     * Reserves the name in the lane, for an action the caller prepares first (what it starts must be recorded,
     * say): {@link Reservation#run} runs it, {@link Reservation#cancel} gives the name up.
     *
     * @return empty when an action of that name runs or waits
     */
    public Optional<Reservation> reserve(String lane, String name) {
        return names.add(name) ? Optional.of(new Reservation(lane, name)) : Optional.empty();
    }

    /** A name held for an action about to run. */
    public final class Reservation {

        private final String lane;
        private final String name;

        private Reservation(String lane, String name) {
            this.lane = lane;
            this.name = name;
        }

        /** Queues the action in its lane; the name is given up once it ran, or failed. */
        public void run(Runnable action) {
            try {
                lanes.computeIfAbsent(lane, any -> new Lane()).add(new Queued(name, action));
            } catch (RuntimeException e) {
                cancel();
                throw e;
            }
        }

        /** Gives the name up: nothing runs. */
        public void cancel() {
            names.remove(name);
        }
    }

    private record Queued(String name, Runnable action) {
    }

    /** Actions run one after the other, on one thread of the pool at a time, while any wait. */
    private final class Lane {

        private final Deque<Queued> waiting = new ArrayDeque<>();
        private boolean draining;

        synchronized void add(Queued queued) {
            waiting.add(queued);
            if (draining) {
                return;
            }
            try {
                threads.execute(this::drain);
                draining = true;
            } catch (RuntimeException e) {
                waiting.remove(queued);
                throw e;
            }
        }

        private void drain() {
            for (Queued next = next(); next != null; next = next()) {
                try {
                    next.action().run();
                } catch (RuntimeException e) {
                    log.error("{} stopped unexpectedly", next.name(), e);
                } finally {
                    names.remove(next.name());
                }
            }
        }

        /** The action to run next; none once the lane is empty, or the node is stopping (those waiting are dropped). */
        private synchronized Queued next() {
            if (Thread.currentThread().isInterrupted()) {
                waiting.forEach(dropped -> names.remove(dropped.name()));
                waiting.clear();
            }
            Queued next = waiting.poll();
            draining = next != null;
            return next;
        }
    }
}
