package org.cinegraph.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinegraph.command.export.ExportSettings;
import org.cinegraph.command.export.RemovalLimit;
import org.cinegraph.command.export.SweepSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code cinegraph.import.include-adult}, {@code include-video}, {@code max-removals-per-sweep} and
 * {@code export-sweep} reach the sweep's settings, each its own; a removal limit of no form stops the start.
 */
class ExportSettingsConfigurationTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(CoreConfiguration.class, Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ImportProperties.class, ScheduleProperties.class})
    static class Properties {
    }

    @Test
    void adultAndVideoEntriesAreLeftOutUnlessAskedFor() {
        application.run(context -> assertThat(context.getBean(ExportSettings.class))
                .isEqualTo(new ExportSettings(false, false)));
        application.withPropertyValues("cinegraph.import.include-adult=true").run(context ->
                assertThat(context.getBean(ExportSettings.class)).isEqualTo(new ExportSettings(true, false)));
        application.withPropertyValues("cinegraph.import.include-video=true").run(context ->
                assertThat(context.getBean(ExportSettings.class)).isEqualTo(new ExportSettings(false, true)));
    }

    @Test
    void aSweepRemovesAtMostOnePercentUnconfirmedAndFollowsTheRangeByDefault() {
        application.run(context -> assertThat(context.getBean(SweepSettings.class))
                .isEqualTo(new SweepSettings(new ExportSettings(false, false), RemovalLimit.parse("1%"), true)));
        application.withPropertyValues("cinegraph.import.max-removals-per-sweep=250",
                "cinegraph.import.export-sweep=false").run(context -> assertThat(context.getBean(SweepSettings.class))
                .isEqualTo(new SweepSettings(new ExportSettings(false, false), RemovalLimit.parse("250"), false)));
        application.withPropertyValues("cinegraph.import.max-removals-per-sweep=lots").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("max-removals-per-sweep"));
    }
}
