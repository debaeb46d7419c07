package org.cinegraph.query.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends a projection's writes to its copies while its replay is rebuilding, on whichever node handles the
 * batch. Once per transaction it takes a shared lock on the projection's replay row, so a reset or a swap
 * (which lock it exclusively) waits for the batch and the batch never sees the tables change under it.
 */
class WriteToCopiesWhileRebuilding implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String projection;
    private final String resourceKey;
    private final ReplayStore store;
    private final RebuildTables tables;

    WriteToCopiesWhileRebuilding(String projection, ReplayStore store, RebuildTables tables) {
        this.projection = projection;
        this.resourceKey = getClass().getName() + "/" + projection;
        this.store = store;
        this.tables = tables;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.root().getOrComputeResource(resourceKey, key -> {
            boolean rebuilding = store.lockShared(projection).filter(ReplayState.REBUILDING::equals).isPresent();
            if (rebuilding) {
                tables.writeToCopiesInThisTransaction();
            }
            return rebuilding;
        });
        return interceptorChain.proceed();
    }
}
