package org.cinegraph.app.tables;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/tables}: every table with its kind, owner, rows and state; and
 * {@code POST /api/admin/tables/{name}/rebuild}, which brings one back as its kind says ({@link TableRebuilds}).
 */
@RestController
record TablesController(TableStates states, TableRebuilds rebuilds) {

    @GetMapping("/api/admin/tables")
    List<TableStatus> tables() {
        return states.all();
    }

    /**
     * 202 with the table's status, the rebuild under way; 404 for a table the application does not have; 409 for
     * the event store, which nothing rebuilds, or while the table is being rebuilt already; 503 when this node does
     * not run the side that owns the table.
     */
    @PostMapping("/api/admin/tables/{name}/rebuild")
    ResponseEntity<TableStatus> rebuild(@PathVariable String name) {
        if (states.find(name).isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "No such table",
                    "The application has no table of that name; GET /api/admin/tables lists them.");
        }
        rebuilds.rebuild(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/tables"))
                .body(states.find(name).orElseThrow());
    }
}
