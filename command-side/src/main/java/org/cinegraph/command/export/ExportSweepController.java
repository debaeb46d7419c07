package org.cinegraph.command.export;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import org.cinegraph.events.ImportTrigger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An admin's sweep of TMDb's daily ID export, now; its progress shows in {@code GET /api/import/state}. */
@RestController
record ExportSweepController(ExportSweepRunner sweeps) {

    /**
     * Starts a sweep, or resumes the one a stopped node left in the middle.
     *
     * @param confirmRemovals whether the removals the sweep finds are recorded however many they are (an admin who
     *                        checked that TMDb really removed them)
     */
    @PostMapping("/api/admin/catalogue/sweep")
    ResponseEntity<SweepAccepted> sweep(@RequestParam(defaultValue = "false") boolean confirmRemovals) {
        if (!sweeps.start(ImportTrigger.ADMIN, confirmRemovals)) {
            throw problem(HttpStatus.CONFLICT, "Sweep already running",
                    "A sweep of TMDb's export is running; its progress shows in GET /api/import/state.", null);
        }
        return ResponseEntity.accepted().location(URI.create("/api/import/state"))
                .body(new SweepAccepted("sweeping", confirmRemovals));
    }

    record SweepAccepted(String status, boolean confirmRemovals) {
    }
}
