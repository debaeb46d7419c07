package org.cinegraph.command.schedule;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.events.ConfigureDailyImport;
import org.cinegraph.events.DailyImportSettings;
import org.cinegraph.kernel.settings.ImportRange;
import org.cinegraph.kernel.settings.ImportSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A node that starts configures the daily import with its settings ({@code cinegraph.schedule.*},
 * {@code cinegraph.import.*}); the {@link DailyImport} records what changed, if anything, and its saga follows.
 * Two nodes starting at once race for the same stream: the loser configures again and finds nothing to record.
 * Then, in the background, it puts back the saga and its deadlines if they were lost ({@link DailyImportRecovery}).
 */
@Component
record DailyImportAtStart(CommandGateway commands, ImportSchedule schedule, ImportRange range,
                          DailyImportRecovery recovery, BackgroundActions background) {

    private static final Logger log = LoggerFactory.getLogger(DailyImportAtStart.class);
    private static final int ATTEMPTS = 3;

    @EventListener(ApplicationReadyEvent.class)
    void configure() {
        ConfigureDailyImport command = new ConfigureDailyImport(schedule.enabled(), DailyImportSettings.of(schedule, range));
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                break;
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
        if (schedule.enabled()) {
            log.info("The daily import runs at cron {} UTC, years {} down to {}{}", schedule.dailyImportCron(),
                    range.firstYear(), range.lastYear(), schedule.continuous() ? ", continuously" : "");
        } else {
            log.info("The daily import is off (cinegraph.schedule.enabled=false)");
        }
        background.start("Restoring the daily import's saga and deadlines", recovery::restore);
    }
}
