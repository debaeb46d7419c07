package org.cinegraph.query.writes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection keeps for the batch of events being applied (one unit of work) until the batch is about to
 * commit: the writes it gathers, made then, in its transaction.
 */
public final class CurrentBatch {

    private static final String WRITES = CurrentBatch.class.getName() + "/writes";
    /** Set while one event is applied on its own, to park it alone if it fails: its writes are made as they come. */
    private static final ThreadLocal<Boolean> EACH_AT_ONCE = ThreadLocal.withInitial(() -> false);

    private CurrentBatch() {
    }

    /**
     * The batch's state under {@code key}, made by {@code create} when first asked for, and given to
     * {@code beforeCommit} when the batch is about to commit: states in the order they were first asked for.
     * {@code beforeCommit} writes what is pending and leaves nothing pending, so that it may also be called
     * earlier ({@link #writeNow()}). Empty outside a unit of work (a handler called directly), and while an event
     * is applied on its own ({@link #eachWriteAtOnce}): the caller then writes each change at once.
     */
    public static <T> Optional<T> state(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!CurrentUnitOfWork.isStarted() || EACH_AT_ONCE.get()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T existing = batch.getResource(key);
        if (existing != null) {
            return Optional.of(existing);
        }
        T state = create.get();
        batch.resources().put(key, state);
        Runnable write = () -> beforeCommit.accept(state);
        batch.<List<Runnable>>getOrComputeResource(WRITES, writes -> new ArrayList<>()).add(write);
        batch.onPrepareCommit(unitOfWork -> write.run());
        return Optional.of(state);
    }

    /** Makes the current batch's pending writes now, in the order their states were first asked for. */
    public static void writeNow() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        List<Runnable> writes = CurrentUnitOfWork.get().root().getResource(WRITES);
        if (writes != null) {
            List.copyOf(writes).forEach(Runnable::run);
        }
    }

    /** Runs {@code task} (one event's handler) with each of its writes made at once, none left pending. */
    public static <R> R eachWriteAtOnce(Callable<R> task) throws Exception {
        boolean outer = EACH_AT_ONCE.get();
        EACH_AT_ONCE.set(true);
        try {
            return task.call();
        } finally {
            EACH_AT_ONCE.set(outer);
        }
    }
}
