package org.cinegraph.command.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The {@link DailyImportSaga}'s deadlines as db-scheduler keeps them in {@code scheduled_tasks}: its ticks and stall
 * checks, due or running, each with the saga it is for. None on a node that runs no db-scheduler.
 */
@Component
class SagaDeadlines {

    /** Axon's task name for every deadline its {@code DbSchedulerDeadlineManager} schedules. */
    private static final String AXON_DEADLINE_TASK = "AxonDeadline";

    private final ObjectProvider<SchedulerClient> scheduler;
    /** What Axon's deadline manager serializes a deadline's scope and payload with. */
    private final Serializer serializer;

    SagaDeadlines(ObjectProvider<SchedulerClient> scheduler, @Qualifier("eventSerializer") Serializer serializer) {
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    /** Every deadline of a daily import saga, in the order they are due. */
    List<Deadline> all() {
        SchedulerClient client = scheduler.getIfAvailable();
        List<Deadline> deadlines = new ArrayList<>();
        if (client == null) {
            return deadlines;
        }
        client.fetchScheduledExecutionsForTask(AXON_DEADLINE_TASK, DbSchedulerBinaryDeadlineDetails.class,
                ScheduledExecutionsFilter.all(), execution -> of(execution, deadlines));
        deadlines.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
        return deadlines;
    }

    /** When the daily import runs next: its saga's pending tick that no node runs yet; empty when none is due. */
    Optional<Instant> nextTick() {
        return all().stream().filter(deadline -> deadline.isTick() && !deadline.picked()).map(Deadline::dueAt)
                .findFirst();
    }

    private void of(ScheduledExecution<DbSchedulerBinaryDeadlineDetails> execution, List<Deadline> deadlines) {
        DbSchedulerBinaryDeadlineDetails details = execution.getData();
        if ((DailyImportSaga.TICK.equals(details.getD()) || DailyImportSaga.STALL_CHECK.equals(details.getD()))
                && details.getDeserializedScopeDescriptor(serializer) instanceof SagaScopeDescriptor scope
                && DailyImportSaga.class.getSimpleName().equals(scope.getType())) {
            deadlines.add(new Deadline(execution.getTaskInstance().getId(), details.getD(),
                    scope.getIdentifier().toString(), execution.getExecutionTime(), execution.isPicked(),
                    details.asDeadLineMessage(serializer).getPayload()));
        }
    }

    /**
     * A deadline of the saga {@code sagaId}, due at {@code dueAt}.
     *
     * @param id     its schedule's id, which cancels it
     * @param picked whether a node runs it now
     */
    record Deadline(String id, String name, String sagaId, Instant dueAt, boolean picked, Object payload) {

        boolean isTick() {
            return DailyImportSaga.TICK.equals(name);
        }
    }
}
