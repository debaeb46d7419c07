package org.cinegraph.command.tmdb;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's chart of what this node asked of TMDb: requests and 429s per minute. Only a node that imports
 * talks to TMDb, so only the command side answers it; each node counts its own requests, which is what
 * {@code node: "this"} says.
 */
@RestController
record TmdbActivityController(TmdbActivity activity, Clock clock) {

    private static final int DEFAULT_HOURS = 6;
    private static final int MAX_HOURS = TmdbActivity.MINUTES / 60;

    /** Every minute of the last {@code hours}, oldest first, zeros included; the last is the one now falls in. */
    @GetMapping("/api/tmdb/activity")
    Activity perMinute(@RequestParam(required = false) Integer hours) {
        int span = hours == null ? DEFAULT_HOURS : hours;
        if (span < 1 || span > MAX_HOURS) {
            throw invalidParameter("hours must be between 1 and " + MAX_HOURS + ", not " + span + ".");
        }
        Instant now = clock.instant();
        List<TmdbActivity.Minute> minutes = activity.lastMinutes(now, span * 60);
        return new Activity("this", minutes.get(0).start(), now, 60, minutes);
    }

    /** {@code from} is the start of the oldest minute, {@code to} now. */
    record Activity(String node, Instant from, Instant to, int bucketSeconds, List<TmdbActivity.Minute> buckets) {
    }
}
