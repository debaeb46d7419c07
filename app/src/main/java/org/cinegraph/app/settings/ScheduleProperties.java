package org.cinegraph.app.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cinegraph.schedule.*}: the daily import, a Spring cron expression (six fields) in UTC. */
@ConfigurationProperties("cinegraph.schedule")
record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 2 * * *") String dailyImportCron) {
}
