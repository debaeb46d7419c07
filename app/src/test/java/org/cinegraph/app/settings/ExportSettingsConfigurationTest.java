package org.cinegraph.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinegraph.command.export.ExportSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code cinegraph.import.include-adult} and {@code include-video} reach the sweep's settings, each its own. */
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
}
