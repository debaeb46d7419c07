package org.cinegraph.command.yearimport;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.CompleteYearImport;
import org.cinegraph.events.FailYearImport;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.RecordYearPlan;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportFailed;
import org.cinegraph.events.YearImportPlanned;
import org.cinegraph.events.YearImportStarted;

/**
 * The lifecycle of one year's import: started, planned, then completed or failed. A year that is not running
 * may be run again, except that the pass over the range ({@link org.cinegraph.events.ImportTrigger#inTurn()})
 * never starts a completed year. Pages and per-movie outcomes are not in this stream: a year can hold 30,000
 * movies, and this aggregate must stay quick to load.
 */
@Aggregate
class YearImport {

    private enum Status { IMPORTING, COMPLETED, FAILED }

    @AggregateIdentifier
    private String id;
    private Status status;
    /** The current run's plan; null until it is planned. */
    private List<PlannedWindow> windows;

    YearImport() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartYearImport command) {
        if (status == Status.IMPORTING) {
            throw new YearImportAlreadyRunningException(command.year());
        }
        if (status == Status.COMPLETED && command.trigger().inTurn()) {
            // The pass takes each year once; only an admin's choice imports a completed year again.
            throw new YearImportAlreadyCompletedException(command.year());
        }
        apply(new YearImportStarted(command.year(), command.trigger()));
    }

    /**
     * A plan is made once per run; a resumed run sending it again changes nothing.
     *
     * @return the run's windows, as they were first planned
     */
    @CommandHandler
    List<PlannedWindow> handle(RecordYearPlan command) {
        requireRunning(command.year());
        if (windows == null) {
            apply(new YearImportPlanned(command.year(), command.tmdbTotal(), command.windows()));
        }
        return windows;
    }

    @CommandHandler
    void handle(CompleteYearImport command) {
        requireRunning(command.year());
        if (windows == null) {
            throw new IllegalStateException("The import of " + command.year() + " cannot complete before it is planned");
        }
        if (command.discovered() != command.imported() + command.skipped() + command.failed()) {
            throw new IllegalArgumentException("The outcomes of " + command.year() + " do not add up: discovered "
                    + command.discovered() + ", imported " + command.imported() + ", skipped " + command.skipped()
                    + ", failed " + command.failed());
        }
        apply(new YearImportCompleted(command.year(), command.discovered(), command.imported(), command.skipped(),
                command.failed()));
    }

    @CommandHandler
    void handle(FailYearImport command) {
        requireRunning(command.year());
        apply(new YearImportFailed(command.year(), command.reason()));
    }

    private void requireRunning(int year) {
        if (status != Status.IMPORTING) {
            throw new YearImportNotRunningException(year);
        }
    }

    @EventSourcingHandler
    void on(YearImportStarted event) {
        id = StartYearImport.yearImportId(event.year());
        status = Status.IMPORTING;
        windows = null;
    }

    @EventSourcingHandler
    void on(YearImportPlanned event) {
        windows = event.windows();
    }

    @EventSourcingHandler
    void on(YearImportCompleted event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(YearImportFailed event) {
        status = Status.FAILED;
    }
}
