package org.cinegraph.events;

import java.time.Instant;

/**
 * Take one step of the pass over the year range: resume the running year, else start the next, else run a
 * delta sync. {@code scheduledFor} is the daily tick that asks ({@link ImportTrigger#SCHEDULE}; a tick handled
 * before does nothing); {@code endedYear} the year whose end asks ({@link ImportTrigger#CONTINUATION}), which
 * {@code failed} or completed.
 */
public record TakeImportStep(ImportTrigger trigger, Instant scheduledFor, Integer endedYear, boolean failed) {

    public static TakeImportStep tick(Instant scheduledFor) {
        return new TakeImportStep(ImportTrigger.SCHEDULE, scheduledFor, null, false);
    }

    public static TakeImportStep after(int completedYear) {
        return new TakeImportStep(ImportTrigger.CONTINUATION, null, completedYear, false);
    }

    public static TakeImportStep afterFailure(int failedYear) {
        return new TakeImportStep(ImportTrigger.CONTINUATION, null, failedYear, true);
    }
}
