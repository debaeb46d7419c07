package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** A node started with other settings of the daily import (its cron, range, continuity or stall rule). */
@Revision("1")
public record ImportScheduleChanged(String scheduleId, DailyImportSettings settings, DailyImportSettings previous) {
}
