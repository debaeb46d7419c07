package org.cinegraph.command.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.ImportScheduleChanged;
import org.cinegraph.events.ImportScheduleStarted;
import org.cinegraph.events.ImportScheduleStopped;
import org.cinegraph.events.YearImportStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the daily import whole again once its coordination state is lost: its saga ({@code saga_entry},
 * {@code association_value_entry}) or its deadlines ({@code scheduled_tasks}), recreated empty. While the schedule's
 * events say it is on, the saga is put back as it started (it keeps no state; under the id its surviving deadlines
 * name, if any) and its missing deadlines scheduled again: the tick where the saga had it, the first after the
 * later of the last tick handled and the schedule's start or new cron, so a tick that came due meanwhile fires
 * once, at once; and a stall check for each running year, once it could have stalled since its last progress.
 * What is there stays as it is: a restore of a whole schedule does nothing, however often and on however many
 * nodes it runs, and never makes a second saga or tick.
 * <p>
 * Nothing is replayed: the saga's handlers, which ask for steps of the pass, run only for new events. A restore
 * decides under the pass's lock, which every tick holds until it commits, and only once the saga's processor has
 * handled the schedule's latest event and the latest start of a year: a saga that processor is about to start, a
 * tick it is about to move or a stall check it is about to schedule is left to it. A node restores when it
 * starts; {@link #restore()} does it on demand.
 */
@Component
public class DailyImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(DailyImportRecovery.class);
    private static final AssociationValue THE_SCHEDULE =
            new AssociationValue("scheduleId", ConfigureDailyImport.SCHEDULE_ID);
    /** How long a restore waits for the saga's processor to handle the events it schedules from. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private final PassLedger ledger;
    private final RecordedSchedule schedule;
    private final SagaStore<Object> sagas;
    private final SagaDeadlines pending;
    private final DeadlineManager deadlines;
    /** What the token store serializes a processor's position with. */
    private final Serializer serializer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyImportRecovery(PassLedger ledger, RecordedSchedule schedule, SagaStore<Object> sagas, SagaDeadlines pending,
                        DeadlineManager deadlines, Serializer serializer, JdbcClient jdbc,
                        PlatformTransactionManager transactions, Clock clock) {
        this.ledger = ledger;
        this.schedule = schedule;
        this.sagas = sagas;
        this.pending = pending;
        this.deadlines = deadlines;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Puts back the saga and the deadlines of a schedule that is on, if they are missing.
     *
     * @return what was put back; nothing when the schedule is whole, or off
     * @throws IllegalStateException when the saga's processor has not handled the schedule's latest event and the
     *                               latest start of a year within two minutes (it is stopped, or far behind):
     *                               nothing was put back
     */
    public Restoration restore() {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<Restoration> restored = transaction.execute(status -> attempt());
            if (restored.isPresent()) {
                if (!restored.get().whole()) {
                    log.warn("The daily import's saga or deadlines were lost; restored: {}", restored.get());
                }
                return restored.get();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("The daily import saga's processor (" + DailyImportSaga.PROCESSOR
                        + ") has not handled the schedule's latest events; nothing was restored");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while restoring the daily import", e);
            }
        }
    }

    /** @return empty while the saga's processor has not handled the events it schedules from */
    private Optional<Restoration> attempt() {
        ledger.lock();
        Optional<RecordedSchedule.Recorded> recorded = schedule.recorded();
        if (recorded.isEmpty() || !recorded.get().enabled()) {
            return Optional.of(Restoration.NOTHING);
        }
        Map<Integer, Instant> running = ledger.progress();
        // Read after the schedule and the running years, so it covers every event they follow from.
        if (!sagaProcessorHandled(latestEventTheSagaSchedulesFrom())) {
            return Optional.empty();
        }
        List<SagaDeadlines.Deadline> kept = new ArrayList<>(pending.all());
        Set<String> entries = new TreeSet<>(jdbc.sql("SELECT saga_id FROM saga_entry WHERE saga_type = :type")
                .param("type", DailyImportSaga.class.getName()).query(String.class).list());
        Set<String> associated = sagas.findSagas(DailyImportSaga.class, THE_SCHEDULE);
        Optional<String> whole = entries.stream().filter(associated::contains).findFirst();
        String sagaId = whole.or(() -> entries.stream().findFirst())
                .or(() -> associated.stream().sorted().findFirst())
                .or(() -> kept.stream().map(SagaDeadlines.Deadline::sagaId).findFirst())
                .orElseGet(() -> IdentifierFactory.getInstance().generateIdentifier());
        if (whole.isEmpty()) {
            // Whichever half of it is left goes, and the saga comes back whole, as it started.
            sagas.deleteSaga(DailyImportSaga.class, sagaId, Set.of(THE_SCHEDULE));
            sagas.insertSaga(DailyImportSaga.class, sagaId, new DailyImportSaga(), Set.of(THE_SCHEDULE));
        }
        // Deadlines of a saga that is not the schedule's would fire into nothing.
        kept.removeIf(deadline -> {
            boolean orphan = !deadline.sagaId().equals(sagaId);
            if (orphan) {
                deadlines.cancelSchedule(deadline.name(), deadline.id());
            }
            return orphan;
        });
        SagaScopeDescriptor scope = new SagaScopeDescriptor(DailyImportSaga.class.getSimpleName(), sagaId);
        Instant tick = null;
        if (kept.stream().noneMatch(SagaDeadlines.Deadline::isTick)) {
            tick = nextTick(recorded.get()).orElse(null);
            if (tick != null) {
                deadlines.schedule(tick, DailyImportSaga.TICK, new DailyImportSaga.Tick(tick), scope);
            }
        }
        List<Integer> stallChecks = new ArrayList<>();
        Duration stallAfter = recorded.get().settings().stallAfter();
        for (Map.Entry<Integer, Instant> year : running.entrySet()) {
            DailyImportSaga.StallCheck check = new DailyImportSaga.StallCheck(year.getKey());
            if (kept.stream().noneMatch(deadline -> check.equals(deadline.payload()))) {
                deadlines.schedule(year.getValue().plus(stallAfter), DailyImportSaga.STALL_CHECK, check, scope);
                stallChecks.add(check.year());
            }
        }
        return Optional.of(new Restoration(whole.isEmpty(), tick, stallChecks));
    }

    /**
     * The tick the saga had pending: the first after the last it handled, or after the schedule's events last
     * moved it, whichever came later; as the saga schedules its next tick once one is handled, or the schedule
     * starts or takes a new cron.
     */
    private Optional<Instant> nextTick(RecordedSchedule.Recorded recorded) {
        Instant after = recorded.tickSince() == null ? clock.instant() : recorded.tickSince();
        Optional<PassLedger.HandledTick> last = ledger.lastTick();
        if (last.isPresent()) {
            Instant handled = last.get().handledAt().isAfter(last.get().scheduledFor())
                    ? last.get().handledAt() : last.get().scheduledFor();
            after = handled.isAfter(after) ? handled : after;
        }
        ZonedDateTime next = CronExpression.parse(recorded.settings().cron()).next(after.atZone(ZoneOffset.UTC));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    /**
     * The latest of the events the saga makes or moves its deadlines for: the schedule's, and the years' starts.
     */
    private long latestEventTheSagaSchedulesFrom() {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE payload_type IN (:types)")
                .param("types", List.of(ImportScheduleStarted.class.getName(), ImportScheduleChanged.class.getName(),
                        ImportScheduleStopped.class.getName(), YearImportStarted.class.getName()))
                .query(Long.class).single();
    }

    /**
     * Whether the saga's processor has handled the event, on whichever node it runs: its every segment's position
     * covers it. A saga it has yet to start, or a deadline it has yet to schedule or move, is its own to make.
     */
    private boolean sagaProcessorHandled(long latest) {
        List<Optional<TrackingToken>> positions = jdbc.sql("""
                        SELECT token, token_type FROM token_entry WHERE processor_name = :processor""")
                .param("processor", DailyImportSaga.PROCESSOR)
                .query((rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    return token == null ? Optional.<TrackingToken>empty() : Optional.<TrackingToken>of(
                            serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                                    rs.getString("token_type"), null)));
                })
                .list();
        return !positions.isEmpty() && positions.stream().allMatch(position -> position
                .filter(GapAwareTrackingToken.class::isInstance).map(GapAwareTrackingToken.class::cast)
                .filter(token -> token.getIndex() >= latest && !token.getGaps().contains(latest))
                .isPresent());
    }

    /**
     * What a restore put back.
     *
     * @param sagaStarted     whether the saga was missing, and is there again
     * @param tickScheduledFor the tick scheduled, when none was pending; null otherwise
     * @param stallChecksFor  the running years whose stall check was scheduled again
     */
    public record Restoration(boolean sagaStarted, Instant tickScheduledFor, List<Integer> stallChecksFor) {

        static final Restoration NOTHING = new Restoration(false, null, List.of());

        /** Nothing was missing. */
        public boolean whole() {
            return !sagaStarted && tickScheduledFor == null && stallChecksFor.isEmpty();
        }
    }
}
