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
    private final Clock clock;

    YearImportAdminController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/years/{year}")
    ResponseEntity<YearImportAccepted> importYear(@PathVariable int year) {
        ImportYears.requireImportable(year, clock);
        try {
            commands.sendAndWait(new StartYearImport(year, ImportTrigger.ADMIN));
        } catch (YearImportAlreadyRunningException e) {
            throw conflict(e.getMessage(), e);
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
