package org.cinegraph.query.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The catalogue's figures against TMDb's total: what is accounted for, what remains, and how complete it is. */
class CatalogueAccountTest {

    @Test
    void everyOutcomeIsAccountedForAndTheRemovedAreNot() {
        CatalogueAccount account = CatalogueAccount.of(1_000L, 600, 250, 40, 15, true);

        assertThat(account.accounted()).isEqualTo(875);
        assertThat(account.remaining()).isEqualTo(125);
        assertThat(account.completionPercentage()).isEqualTo(new BigDecimal("87.50"));
    }

    @Test
    void aCatalogueShortOfOneMovieInTenThousandIsNotRoundedUpTo100() {
        CatalogueAccount account = CatalogueAccount.of(10_000L, 9_999, 0, 0, 0, true);

        assertThat(account.completionPercentage()).isEqualTo(new BigDecimal("99.99"));
        assertThat(CatalogueAccount.of(1_100_000L, 1_099_999, 0, 0, 0, true).completionPercentage())
                .as("99.9999 rounded down").isEqualTo(new BigDecimal("99.99"));
        assertThat(account.remaining()).isEqualTo(1);
    }

    @Test
    void everyMovieAccountedForIsExactly100AndNeverMore() {
        CatalogueAccount exact = CatalogueAccount.of(1_000L, 700, 200, 100, 0, true);
        CatalogueAccount more = CatalogueAccount.of(1_000L, 900, 200, 100, 0, true);

        assertThat(exact.completionPercentage()).isEqualTo(new BigDecimal("100.00"));
        assertThat(exact.completionPercentage().toPlainString()).isEqualTo("100.00");
        assertThat(more.completionPercentage()).isEqualTo(new BigDecimal("100.00"));
        assertThat(exact.remaining()).isZero();
        assertThat(more.remaining()).as("never negative").isZero();
    }

    @Test
    void asManyAccountedForAsTmdbCountsIsNot100UntilASweepWentThroughTheExportWhole() {
        CatalogueAccount unswept = CatalogueAccount.of(1_000L, 900, 200, 100, 0, false);

        assertThat(unswept.completionPercentage()).isEqualTo(new BigDecimal("99.99"));
        assertThat(unswept.remaining()).isZero();
    }

    @Test
    void anUnknownTotalLeavesRemainingAndCompletionUnknown() {
        CatalogueAccount unknown = CatalogueAccount.of(null, 10, 5, 1, 0, true);
        CatalogueAccount none = CatalogueAccount.of(0L, 10, 5, 1, 0, true);

        assertThat(unknown.accounted()).isEqualTo(16);
        assertThat(unknown.remaining()).isNull();
        assertThat(unknown.completionPercentage()).isNull();
        assertThat(none.remaining()).isZero();
        assertThat(none.completionPercentage()).as("a total read as none says nothing").isNull();
    }
}
