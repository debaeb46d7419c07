package org.cinegraph.query.projections;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection keeps for the batch of events being applied (one unit of work) until the batch is about to
 * commit: the writes it gathers, made then, in its transaction.
 */
public final class CurrentBatch {

    private CurrentBatch() {
    }

    /**
     * The batch's state under {@code key}, made by {@code create} when first asked for, and given to
     * {@code beforeCommit} when the batch is about to commit: states in the order they were first asked for.
     * Empty outside a unit of work (a handler called directly).
     */
    public static <T> Optional<T> state(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return Optional.of(batch.getOrComputeResource(key, ignored -> {
            T state = create.get();
            batch.onPrepareCommit(unitOfWork -> beforeCommit.accept(state));
            return state;
        }));
    }
}
