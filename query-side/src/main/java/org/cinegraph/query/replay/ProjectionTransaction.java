package org.cinegraph.query.replay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.cinegraph.query.answers.ReadModelVersions;

/**
 * Prepares each transaction in which a projection applies a batch of events, once, before its first write.
 *
 * <ul>
 *   <li>While the projection's replay is rebuilding, its writes go to the copies of its tables, whichever node
 *       handles the batch. The transaction takes a shared lock on the projection's replay row, so a reset or a
 *       swap (which lock it exclusively) waits for the batch, and the batch never sees the tables change
 *       under it.</li>
 *   <li>The commit does not wait for the disk. A projection's rows and its token commit together, so a crash
 *       can at most lose the last fraction of a second of both, and the projection applies those events
 *       again; nothing is lost or doubled, and a rebuild is not held to one disk flush per batch.</li>
 *   <li>Whether the batch fails or commits is noted for its segment ({@link FailingSegments}).</li>
 *   <li>The batch counts one commit more of its writer (its segment, or a dead letter's retry) in
 *       {@code read_model_versions}, in its transaction, so the answers nodes keep in memory are read again
 *       ({@link org.cinegraph.query.answers.KeptAnswers}). Not while it writes to the copies, which no one
 *       reads: their swap counts then.</li>
 * </ul>
 */
class ProjectionTransaction implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String projection;
    private final String resourceKey;
    /** Where Axon's pooled processor keeps the segment of the batch (not there for a dead letter's retry). */
    private final String segmentKey;
    private final ReplayStore store;
    private final RebuildTables tables;
    private final FailingSegments failing;
    private final ReadModelVersions versions;

    ProjectionTransaction(String projection, ReplayStore store, RebuildTables tables, FailingSegments failing,
                          ReadModelVersions versions) {
        this.projection = projection;
        this.resourceKey = getClass().getName() + "/" + projection;
        this.segmentKey = "Processor[" + projection + "]/SegmentId";
        this.store = store;
        this.tables = tables;
        this.failing = failing;
        this.versions = versions;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (!batch.resources().containsKey(resourceKey) && batch.getResource(segmentKey) instanceof Integer segment) {
            batch.onRollback(rolledBack -> failing.failed(projection, segment));
            batch.afterCommit(committed -> failing.succeeded(projection, segment));
        }
        batch.getOrComputeResource(resourceKey, key -> {
            tables.commitWithoutWaitingForTheDisk();
            boolean rebuilding = store.lockShared(projection).filter(ReplayState::writesToCopies).isPresent();
            if (rebuilding) {
                tables.writeToCopiesInThisTransaction();
            } else {
                int writer = batch.getResource(segmentKey) instanceof Integer segment ? segment
                        : ReadModelVersions.DEAD_LETTER_RETRY;
                batch.onPrepareCommit(committing -> versions.committed(projection, writer));
            }
            return rebuilding;
        });
        return interceptorChain.proceed();
    }
}
