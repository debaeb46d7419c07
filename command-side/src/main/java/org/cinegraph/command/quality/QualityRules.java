package org.cinegraph.command.quality;

/**
 * {@code cinegraph.quality.*}: a movie is imported when at least {@code minCriteria} of the criteria pass.
 */
public record QualityRules(long minVoteCount, double minPopularity, int minCriteria) {

    public QualityRules {
        if (minVoteCount < 0 || minPopularity < 0) {
            throw new IllegalArgumentException("Quality thresholds cannot be negative: " + this);
        }
        if (minCriteria < 0 || minCriteria > QualityCriterion.values().length) {
            throw new IllegalArgumentException("min-criteria must be between 0 and "
                    + QualityCriterion.values().length + ": " + this);
        }
    }
}
