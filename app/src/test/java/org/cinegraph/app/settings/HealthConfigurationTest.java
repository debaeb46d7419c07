package org.cinegraph.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cinegraph.kernel.settings.HealthThresholds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code cinegraph.health.warn-after} and {@code error-after} reach the thresholds; a bad pair stops the start. */
class HealthConfigurationTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(HealthConfiguration.class, Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HealthProperties.class)
    static class Properties {
    }

    @Test
    void aWarningAfterADayAndAnErrorAfterADayAndAHalfUnlessConfigured() {
        application.run(context -> assertThat(context.getBean(HealthThresholds.class))
                .isEqualTo(new HealthThresholds(Duration.ofHours(24), Duration.ofHours(36))));
        application.withPropertyValues("cinegraph.health.warn-after=PT2H", "cinegraph.health.error-after=3h")
                .run(context -> assertThat(context.getBean(HealthThresholds.class))
                        .isEqualTo(new HealthThresholds(Duration.ofHours(2), Duration.ofHours(3))));
    }

    @Test
    void anErrorThresholdBeforeTheWarningOneStopsTheStartSayingWhich() {
        application.withPropertyValues("cinegraph.health.warn-after=PT48H").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("cinegraph.health.error-after (PT36H)"
                        + " must be longer than cinegraph.health.warn-after (PT48H)"));
        application.withPropertyValues("cinegraph.health.warn-after=-PT1H").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("cinegraph.health.warn-after must be a positive duration"));
    }
}
