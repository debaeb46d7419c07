package org.cinegraph.query.deadletters;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a projection's parked events again, through Axon's dead-letter processing: each sequence from its first
 * letter on, in order, in one transaction with the removal of its letters, so an event is applied once or stays
 * parked, never both. A sequence that fails again stays parked whole, as it was (its letters keep their first
 * cause; the answer and the log give the new one), and the others go on.
 */
@Component
public class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);
    /**
     * Why the letter being retried on this thread failed again. The failure itself does not come back out of
     * Axon's processing: the letter's transaction is rolled back, and what the retry sees is that rollback.
     */
    private static final ThreadLocal<AtomicReference<Throwable>> FAILED_AGAIN = new ThreadLocal<>();

    private final EventProcessingConfiguration processing;
    /** The projections whose letters this node is retrying. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    DeadLetterRetries(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * What a retry did: {@code processed} letters applied and taken off the queue (those of each sequence as it
     * stood when the retry took it up), {@code failed} sequences that failed again, {@code left} letters still
     * parked once it ended (those parked meanwhile included), and the first new {@code failure}, if any.
     */
    public record Result(String name, long processed, int failed, long left, String failure) {
    }

    /**
     * Axon's policy, park every event that fails, with a cause that says why ({@link #reason}, cut to Axon's
     * 1,023 characters); it also notes why a letter retried here failed again.
     */
    public static EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        return (letter, cause) -> {
            if (cause == null) {
                // Axon asks again, without a cause, for the letters of a retried sequence applied before one failed
                // (the sequence's transaction is rolled back); they stay as they were.
                return Decisions.enqueue();
            }
            AtomicReference<Throwable> retried = FAILED_AGAIN.get();
            if (retried != null) {
                retried.compareAndSet(null, cause);
            }
            String reason = reason(cause);
            return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(),
                    reason.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE
                            ? reason.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE) : reason));
        };
    }

    /** Retries every parked sequence of the projection once; empty while a retry of it runs on this node. */
    public Optional<Result> retry(String name) {
        if (!running.add(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(retryEach(name));
        } finally {
            running.remove(name);
        }
    }

    private Result retryEach(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name)
                .orElseThrow(() -> new IllegalStateException("Projection " + name + " has no dead-letter queue"));
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new IllegalStateException("Projection " + name + " has no dead-letter processor"));
        SequencingPolicy<? super EventMessage<?>> sequencing = processing.sequencingPolicy(name);
        // The first letter of each sequence taken up: a sequence that failed again is not taken up twice.
        Set<String> taken = new HashSet<>();
        long processed = 0;
        int failed = 0;
        String failure = null;
        // Ends once no sequence is left to take up; bounded all the same, should sequences keep failing anew.
        long attempts = 2 * queue.amountOfSequences() + 100;
        while (attempts-- > 0) {
            AtomicReference<Object> sequence = new AtomicReference<>();
            AtomicLong size = new AtomicLong();
            boolean done;
            AtomicReference<Throwable> failedAgain = new AtomicReference<>();
            FAILED_AGAIN.set(failedAgain);
            try {
                done = letters.process(first -> {
                    if (!taken.add(first.message().getIdentifier())) {
                        return false;
                    }
                    sequence.set(sequenceOf(sequencing, first));
                    size.set(queue.sequenceSize(sequence.get()));
                    return true;
                });
            } catch (RuntimeException e) {
                done = false;
                String cause = reason(failedAgain.get() == null ? e : failedAgain.get());
                log.warn("Dead letters of sequence {} of projection {} failed again and stay parked: {}",
                        sequence.get(), name, cause, e);
                if (failure == null) {
                    failure = cause;
                }
            } finally {
                FAILED_AGAIN.remove();
            }
            if (sequence.get() == null) {
                break;
            }
            if (done) {
                processed += size.get();
            } else {
                failed++;
            }
        }
        long left = queue.size();
        log.info("Retried the dead letters of projection {}: {} applied, {} sequences failed again, {} left", name,
                processed, failed, left);
        return new Result(name, processed, failed, left, failure);
    }

    /**
     * The sequence a letter is parked in: as the queue stored it, or else as Axon parks it (the sequencing policy's,
     * or the event's own identifier).
     */
    private static Object sequenceOf(SequencingPolicy<? super EventMessage<?>> sequencing,
            DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        Object sequence = sequencing.getSequenceIdentifierFor(letter.message());
        return sequence == null ? letter.message().getIdentifier() : sequence;
    }

    /**
     * Why an event failed, in words an admin can act on: PostgreSQL's own message when a statement failed (Spring's
     * puts the whole statement first, which would fill the 1,023 characters a letter keeps), else the failure's
     * message (not that of Axon's wrapper of a failed unit of work).
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        Throwable shown = failure;
        while (shown instanceof IllegalPayloadAccessException && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    }
}
