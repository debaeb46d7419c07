package org.cinegraph.command.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemovalLimitTest {

    @Test
    void aShareOfTheCatalogueIsRoundedDown() {
        RemovalLimit onePercent = RemovalLimit.parse("1%");
        assertThat(onePercent.of(1_000_000)).isEqualTo(10_000);
        assertThat(onePercent.of(1_199)).isEqualTo(11);
        assertThat(onePercent.of(99)).isZero();
        assertThat(RemovalLimit.parse(" 0.25 % ").of(1_000)).isEqualTo(2);
        assertThat(RemovalLimit.parse("100%").of(7)).isEqualTo(7);
    }

    @Test
    void aNumberOfMoviesIsTheLimitWhateverTheCatalogue() {
        assertThat(RemovalLimit.parse("500").of(10)).isEqualTo(500);
        assertThat(RemovalLimit.parse("0").of(1_000_000)).isZero();
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        for (String text : List.of("", "%", "-1", "1.5", "101%", "1e3", "ten", "1%%", "9999999999", "1 000")) {
            assertThatThrownBy(() -> RemovalLimit.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("max-removals-per-sweep");
        }
        assertThatThrownBy(() -> RemovalLimit.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itReadsBackAsWritten() {
        assertThat(RemovalLimit.parse("1%")).hasToString("1%");
        assertThat(RemovalLimit.parse("500")).hasToString("500");
    }
}
