package org.cinegraph.command.yearimport;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.kernel.settings.ImportYears;
import org.cinegraph.events.StartYearImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's start of a chosen year, out of turn: the other triggers go through the pass over the range. */
@RestController
record YearImportAdminController(CommandGateway commands, YearImportRunner runner, Clock clock) {

    /**
     * Starts the year's import, out of turn. A year already importing answers 409, and its import is resumed on
     * this node if no node works on it (after TMDb was unavailable, say). Not under the pass's lock: the year's
     * aggregate refuses a second start of a running year, whichever of an admin and the pass comes second.
     */
    @PostMapping("/api/admin/imports/years/{year}")
    ResponseEntity<Started> importYear(@PathVariable int year) {
        ImportYears.requireImportable(year, clock);
        try {
            commands.sendAndWait(new StartYearImport(year, ImportTrigger.ADMIN));
        } catch (YearImportAlreadyRunningException e) {
            boolean resumed = runner.resume(year);
            throw problem(HttpStatus.CONFLICT, "Import already running",
                    e.getMessage() + (resumed ? " It goes on from where it is, if it was paused." : ""), e);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // Another request started the same year between our load and our append.
            throw problem(HttpStatus.CONFLICT, "Import already running",
                    "The import of " + year + " was started by another request.", e);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/import/years/" + year))
                .body(new Started(year, "importing", "admin", "start_year"));
    }

    /** What the start began, in the shape every trigger answers with. */
    record Started(Integer year, String status, String trigger, String action) {
    }
}
