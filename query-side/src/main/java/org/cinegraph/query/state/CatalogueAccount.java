package org.cinegraph.query.state;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of TMDb's catalogue the catalogue here accounts for: every movie with an outcome (imported, skipped, or
 * failed and neither imported nor skipped since), less those TMDb's export no longer lists. A removal is only ever
 * recorded for a movie with an outcome, so the removed are among the others.
 *
 * @param tmdbTotal  TMDb's count of its movies, null while unknown
 * @param accounted  the movies accounted for
 * @param sweptWhole whether the total is an export's that a sweep went through to its end: only then is it known
 *                   that every movie it counts has an outcome (movies imported since the export, or removals
 *                   withheld, may make up the number while some counted movie has none)
 */
record CatalogueAccount(Long tmdbTotal, long accounted, boolean sweptWhole) {

    private static final BigDecimal COMPLETE = BigDecimal.valueOf(100).setScale(2);

    private static final BigDecimal NEARLY_COMPLETE = new BigDecimal("99.99");

    static CatalogueAccount of(Long tmdbTotal, long imported, long skipped, long failed, long removed,
                               boolean sweptWhole) {
        return new CatalogueAccount(tmdbTotal, Math.max(0, imported + skipped + failed - removed), sweptWhole);
    }

    /** TMDb's movies not accounted for yet; null while TMDb's total is unknown. */
    Long remaining() {
        return tmdbTotal == null ? null : Math.max(0, tmdbTotal - accounted);
    }

    /**
     * The share of TMDb's movies accounted for, in percent with two decimals, rounded down so that a catalogue
     * short of one movie never shows 100: exactly 100 once every movie is accounted for and a sweep of the export
     * whose total this is went through it whole, never more; 99.99 while as many are accounted for but no sweep has
     * shown that each movie counted has an outcome. Unknown while TMDb's total is unknown, or read as none.
     */
    BigDecimal completionPercentage() {
        if (tmdbTotal == null || tmdbTotal <= 0) {
            return null;
        }
        if (accounted >= tmdbTotal) {
            return sweptWhole ? COMPLETE : NEARLY_COMPLETE;
        }
        return BigDecimal.valueOf(accounted).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(tmdbTotal), 2, RoundingMode.DOWN);
    }
}
