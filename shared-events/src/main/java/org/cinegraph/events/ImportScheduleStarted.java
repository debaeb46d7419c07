package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** The daily import was switched on, with these settings: it starts the daily import's saga. */
@Revision("1")
public record ImportScheduleStarted(String scheduleId, DailyImportSettings settings) {
}
