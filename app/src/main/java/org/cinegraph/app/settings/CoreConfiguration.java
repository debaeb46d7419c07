package org.cinegraph.app.settings;

import java.time.Clock;
import java.time.Year;
import org.cinegraph.command.export.ExportSettings;
import org.cinegraph.command.export.RemovalLimit;
import org.cinegraph.command.export.SweepSettings;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/**
 * The import's range, schedule and export sweep, as {@code cinegraph.import.*} and {@code cinegraph.schedule.*}
 * set them.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** Every time the product reasons about is UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ImportRange importRange(ImportProperties properties, Clock clock) {
        int firstYear = properties.firstYear() != null ? properties.firstYear() : Year.now(clock).getValue();
        return new ImportRange(firstYear, properties.lastYear());
    }

    /** A removal limit that is neither a number nor a percentage stops the start, saying which setting it is. */
    @Bean
    SweepSettings sweepSettings(ImportProperties properties, ExportSettings entries) {
        return new SweepSettings(entries, RemovalLimit.parse(properties.maxRemovalsPerSweep()),
                properties.exportSweep());
    }

    /** A cron expression that cannot be parsed stops the start, saying which setting it is. */
    @Bean
    ImportSchedule importSchedule(ScheduleProperties schedule, ImportProperties properties) {
        try {
            CronExpression.parse(schedule.dailyImportCron());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cinegraph.schedule.daily-import-cron is not a cron expression of six "
                    + "fields (second minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
        return new ImportSchedule(schedule.enabled(), schedule.dailyImportCron(), properties.continuous(),
                properties.stallAfter());
    }

    /** Which entries of TMDb's daily ID export the sweep counts. */
    @Bean
    ExportSettings exportSettings(ImportProperties properties) {
        return new ExportSettings(properties.includeAdult(), properties.includeVideo());
    }
}
