package org.cinegraph.command.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cinegraph.kernel.settings.ImportRange;

/**
 * What the pass over the range turns to, from the status of every year started so far and the years an admin put
 * first: a running year of the range before anything else (it is resumed, never joined by another); else the first
 * of the priority years of the range not completed, in the admin's order; else the newest year of the range not
 * completed (never started, or failed); else nothing is left, and the catalogue is kept fresh from TMDb's change
 * feed. A failed year is started again wherever it stands, a priority year as any other.
 */
record PassChoice(Kind kind, Integer year) {

    enum Kind { RUNNING_YEAR, NEXT_YEAR, RANGE_COMPLETE }

    static final String IMPORTING = "importing";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /**
     * @param statuses each started year's status ({@code importing}, {@code completed}, {@code failed})
     * @param priority the years an admin put first, in their order; those outside the range are passed over
     */
    static PassChoice of(ImportRange range, Map<Integer, String> statuses, List<Integer> priority) {
        Optional<Integer> running = range.years().boxed()
                .filter(year -> IMPORTING.equals(statuses.get(year))).findFirst();
        if (running.isPresent()) {
            return new PassChoice(Kind.RUNNING_YEAR, running.get());
        }
        return Stream.concat(priority.stream().filter(range::contains), range.years().boxed())
                .filter(year -> !COMPLETED.equals(statuses.get(year)))
                .findFirst()
                .map(year -> new PassChoice(Kind.NEXT_YEAR, year))
                .orElse(new PassChoice(Kind.RANGE_COMPLETE, null));
    }
}
