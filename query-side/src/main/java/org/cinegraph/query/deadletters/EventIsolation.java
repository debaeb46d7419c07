package org.cinegraph.query.deadletters;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.cinegraph.query.writes.BatchedWrites;
import org.cinegraph.query.writes.CurrentBatch;
import org.cinegraph.query.writes.ProjectionTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Parks exactly the event a projection cannot apply, with the rest of its sequence, and nothing else: whether its
 * handler's code fails, one of its statements, or the batch's writes when it commits.
 *
 * <p>Axon parks an event in the dead-letter queue when its handler throws. Alone, that falls short here. A statement
 * that fails aborts the batch's whole PostgreSQL transaction, so the letter cannot be written in it; most writes are
 * made for the whole batch just before it commits ({@link BatchedWrites}), after every handler returned, where no
 * single event is to blame; and a handler that throws after some of its writes would leave them behind while its
 * event waits to be applied again (twice, then, for a count).
 *
 * <p>So a batch in which anything fails is rolled back whole, and its events are remembered. Axon retries the
 * batch within seconds; this time each remembered event is applied on its own: the writes pending from the events
 * before it are made first, then its handler runs inside a savepoint with each write made at once. If it fails, the
 * savepoint takes back whatever it wrote and Axon parks the event, with the rest of its sequence, in the batch's
 * transaction, which the savepoint kept usable; the other events of the batch go on. Batches in which nothing fails
 * never pay for any of this.
 *
 * <p>A failure that says nothing about the event (a deadlock, a lost connection, a timeout, a missing table) is never
 * parked: the batch is rolled back and retried, as any failed batch is.
 *
 * <p>A sequence of parked events retried through Axon's dead-letter processing ({@link DeadLetterRetries}) is one
 * transaction, which any failure rolls back whole, its letters left as they were.
 */
@Component
public class EventIsolation implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(EventIsolation.class);
    /** Events remembered per projection; past this, forgotten all at once (a forgotten one fails its batch again). */
    private static final int REMEMBERED = 100_000;
    private static final String BATCH_FAILS = EventIsolation.class.getName() + "/batchFails";
    /**
     * SQLState classes of failures that say nothing about the event being applied: connection (08), transaction
     * state (25), rollback: deadlock, serialization (40), the schema or the statement (42: a table dropped by
     * hand), resources (53), object in use or locked (55), operator intervention: a timeout, a shutdown (57),
     * system (58) and internal (XX) errors.
     */
    private static final Set<String> NOT_THE_EVENTS_FAULT = Set.of("08", "25", "40", "42", "53", "55", "57", "58",
            "XX");

    private final DataSource dataSource;
    private final Map<String, Set<String>> isolated = new ConcurrentHashMap<>();

    EventIsolation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Wraps each event handler of a projection (a bean with {@link ProjectionTables}). */
    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Class<?> type = original.declaringClass();
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        if (group == null || !AnnotatedElementUtils.hasAnnotation(type, ProjectionTables.class)
                || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        String projection = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return apply(projection, message, () -> super.handle(message, target));
            }
        };
    }

    /**
     * The error handler of a projection's processor: remembers the events of a batch that failed, so that its
     * retry applies each on its own, and lets Axon retry it.
     */
    public ErrorHandler errorHandler() {
        return context -> {
            Set<String> events = remembered(context.eventProcessor());
            if (events.size() + context.failedEvents().size() > REMEMBERED) {
                events.clear();
            }
            context.failedEvents().forEach(event -> events.add(event.getIdentifier()));
            log.warn("A batch of {} events of projection {} failed and was rolled back; it is retried with each event"
                            + " applied on its own, and an event that fails then is parked as a dead letter",
                    context.failedEvents().size(), context.eventProcessor(), context.error());
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    private Object apply(String projection, Message<?> message, Callable<Object> handler) throws Exception {
        if (!(message instanceof EventMessage<?>) || !CurrentUnitOfWork.isStarted()) {
            return handler.call();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = unitOfWork.root();
        Set<String> events = isolated.get(projection);
        String event = message.getIdentifier();
        // A retry of dead letters applies each sequence in one transaction, which must not commit the writes of a
        // letter that failed (they would be applied again by the next retry): it fails whole, like a batch.
        boolean retried = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        if (retried || events == null || !events.contains(event)) {
            try {
                return handler.call();
            } catch (Exception e) {
                failWhole(batch, e);
                throw e;
            }
        }
        try {
            CurrentBatch.writeNow(); // the events before it: a failure there is theirs, the whole batch's
        } catch (RuntimeException e) {
            failWhole(batch, e);
            throw e;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = CurrentBatch.eachWriteAtOnce(handler);
            connection.releaseSavepoint(savepoint);
            batch.afterCommit(committed -> events.remove(event));
            return result;
        } catch (Exception e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
                failWhole(batch, e);
                throw e;
            }
            if (saysNothingAboutTheEvent(e)) {
                failWhole(batch, e);
            } else {
                // Axon's dead-letter handling catches it and parks the event in this very transaction.
                log.warn("Event {} ({}) failed in projection {}; it is parked as a dead letter with the rest of its"
                        + " sequence", event, message.getPayloadType().getSimpleName(), projection, e);
                batch.afterCommit(committed -> events.remove(event));
            }
            throw e;
        }
    }

    /**
     * Makes the batch roll back when it is about to commit, so that its retry applies each event on its own: Axon's
     * dead-letter handling catches the failure of a handler, and would otherwise park the event right away with
     * the writes it made before it failed.
     */
    private static void failWhole(UnitOfWork<?> batch, Exception cause) {
        if (batch.resources().putIfAbsent(BATCH_FAILS, cause) == null) {
            batch.onPrepareCommit(unitOfWork -> {
                throw new BatchFailed(cause);
            });
        }
    }

    private Set<String> remembered(String projection) {
        return isolated.computeIfAbsent(projection, name -> ConcurrentHashMap.newKeySet());
    }

    static boolean saysNothingAboutTheEvent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && NOT_THE_EVENTS_FAULT.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A batch rolled back because one of its events failed; Axon retries it. */
    static final class BatchFailed extends RuntimeException {

        BatchFailed(Exception cause) {
            super("An event of the batch failed: " + cause.getMessage(), cause);
        }
    }
}
