package org.cinegraph.kernel.settings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthThresholdsTest {

    @Test
    void aWarningThresholdThatIsNotPositiveIsRefusedByItsName() {
        assertThatThrownBy(() -> new HealthThresholds(Duration.ZERO, Duration.ofHours(36)))
                .hasMessageStartingWith("cinegraph.health.warn-after must be a positive duration");
        assertThatThrownBy(() -> new HealthThresholds(Duration.ofHours(-1), Duration.ofHours(36)))
                .hasMessageStartingWith("cinegraph.health.warn-after must be a positive duration");
    }

    @Test
    void anErrorThresholdNotLongerThanTheWarningOneIsRefused() {
        assertThatThrownBy(() -> new HealthThresholds(Duration.ofHours(24), Duration.ofHours(24)))
                .hasMessageStartingWith("cinegraph.health.error-after (PT24H) must be longer than "
                        + "cinegraph.health.warn-after (PT24H)");
        assertThatThrownBy(() -> new HealthThresholds(Duration.ofHours(24), Duration.ofHours(12)))
                .hasMessageContaining("must be longer than");
    }
}
