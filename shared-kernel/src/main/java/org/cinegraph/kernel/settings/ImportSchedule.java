package org.cinegraph.kernel.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How the import runs unattended: {@code dailyImportCron} (six fields, UTC) fires the pass when
 * {@code enabled}; {@code continuous} follows a completed year at once with the next; a running year with no
 * progress for {@code stallAfter} is stalled.
 */
public record ImportSchedule(boolean enabled, String dailyImportCron, boolean continuous, Duration stallAfter) {

    public ImportSchedule {
        Objects.requireNonNull(dailyImportCron, "dailyImportCron");
        if (stallAfter == null || stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("cinegraph.import.stall-after must be a positive duration, not "
                    + stallAfter + ".");
        }
    }
}
