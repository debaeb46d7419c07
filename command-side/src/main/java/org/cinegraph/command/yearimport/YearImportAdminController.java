package org.cinegraph.command.yearimport;

import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ImportYears;
import org.cinegraph.events.StartYearImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/imports")
class YearImportAdminController {

    private final CommandGateway commands;
    private final YearImportRunner runner;
    private final Clock clock;

    YearImportAdminController(CommandGateway commands, YearImportRunner runner, Clock clock) {
        this.commands = commands;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Starts the year's import. A year already importing answers 409, and its import is resumed on this node
     * if no job works on it here (after TMDb was unavailable, say).
     */
    @PostMapping("/years/{year}")
    ResponseEntity<YearImportAccepted> importYear(@PathVariable int year) {
        ImportYears.requireImportable(year, clock);
        try {
            commands.sendAndWait(new StartYearImport(year, ImportTrigger.ADMIN));
        } catch (YearImportAlreadyRunningException e) {
            boolean resumed = runner.resume(year);
            throw conflict(e.getMessage() + (resumed ? " It goes on from where it is, if it was paused." : ""), e);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // Another request, here or on another node, started the same year between our load and our append.
            throw conflict("The import of " + year + " was started by another request.", e);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/import/years/" + year))
                .body(new YearImportAccepted(year, "importing", "admin"));
    }

    private static ErrorResponseException conflict(String detail, Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Import already running");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, cause);
    }

    record YearImportAccepted(int year, String status, String trigger) {
    }
}
