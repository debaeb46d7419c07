package org.cinegraph.command.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the command side's ledgers append an event once: in one transaction, a write of the ledger's row that takes
 * effect only while the event has not happened (the row's key, or its status, says so), and the event, only if the
 * write took effect. However often a write is retried, or two nodes try it at once, its event is appended once.
 */
@Component
public class GuardedEvents {

    private final TransactionTemplate transaction;
    private final EventGateway events;

    GuardedEvents(PlatformTransactionManager transactions, EventGateway events) {
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /**
     * @param write the row's write, answering how many rows it changed
     * @return whether the write changed the row, and the event was appended
     */
    public boolean appendIfChanged(IntSupplier write, Supplier<?> event) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean changed = write.getAsInt() == 1;
            if (changed) {
                events.publish(event.get());
            }
            return changed;
        }));
    }

    /**
     * @param write the rows' writes, answering the events of those that took effect, in order
     * @return how many events were appended
     */
    public int appendAll(Supplier<List<?>> write) {
        Integer appended = transaction.execute(status -> {
            List<?> written = write.get();
            if (!written.isEmpty()) {
                events.publish(written);
            }
            return written.size();
        });
        return appended == null ? 0 : appended;
    }

    /**
     * @param write the row's write, answering what the event needs of it (the attempts it counted, say), or nothing
     *              when it did not take effect
     */
    public <T> void appendIfReturned(Supplier<Optional<T>> write, Function<T, ?> event) {
        transaction.executeWithoutResult(status -> write.get().ifPresent(value -> events.publish(event.apply(value))));
    }
}
