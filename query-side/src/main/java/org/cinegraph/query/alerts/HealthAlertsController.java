package org.cinegraph.query.alerts;

import java.time.Instant;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/alerts}: the announcements of the import health's changes, newest first. */
@RestController
record HealthAlertsController(HealthAlertRepository alerts) {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("eventId"));

    @GetMapping("/api/admin/alerts")
    ListPage<HealthAlert> list(@RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Integer offset) {
        return ListPage.of(alerts.findAll(Paging.of(limit, offset).sortedBy(NEWEST_FIRST)).map(HealthAlertRow::view));
    }

    /**
     * One announcement: {@code outcome} {@code sent} or {@code failed} (then {@code reason} says why), the status
     * announced and the one before it (null for the first), the node that sent it, the webhook's host.
     */
    record HealthAlert(Instant at, String outcome, String status, String previousStatus, String message, String node,
                       String receiver, int attempts, String reason) {
    }
}
