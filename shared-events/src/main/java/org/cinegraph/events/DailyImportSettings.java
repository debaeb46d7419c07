package org.cinegraph.events;

import java.time.Duration;
import java.util.Objects;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;

/**
 * How the daily import runs, as the schedule recorded it: {@code cron} (six fields, UTC) fires a step of the pass
 * over the years {@code firstYear} down to {@code lastYear}; {@code continuous} follows a completed year at once
 * with the next; a running year with no progress for {@code stallAfter} is taken over.
 */
public record DailyImportSettings(String cron, int firstYear, int lastYear, boolean continuous, Duration stallAfter) {

    public DailyImportSettings {
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(stallAfter, "stallAfter");
    }

    public static DailyImportSettings of(ImportSchedule schedule, ImportRange range) {
        return new DailyImportSettings(schedule.dailyImportCron(), range.firstYear(), range.lastYear(),
                schedule.continuous(), schedule.stallAfter());
    }

    public boolean inRange(int year) {
        return year <= firstYear && year >= lastYear;
    }
}
