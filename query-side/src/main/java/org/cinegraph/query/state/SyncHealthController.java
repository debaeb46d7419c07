package org.cinegraph.query.state;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/health}: whether the unattended import runs as it should, and what is wrong if not. */
@RestController
record SyncHealthController(ImportHealth health) {

    @GetMapping("/api/sync/health")
    HealthReport current() {
        return health.now();
    }
}
