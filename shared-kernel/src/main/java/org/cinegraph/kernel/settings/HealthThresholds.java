package org.cinegraph.kernel.settings;

import java.time.Duration;

/**
 * How old the last daily run may grow before the import's health says so: {@code warning} past {@code warnAfter},
 * {@code error} past {@code errorAfter} ({@code cinegraph.health.warn-after}, {@code error-after}).
 */
public record HealthThresholds(Duration warnAfter, Duration errorAfter) {

    public HealthThresholds {
        if (warnAfter == null || warnAfter.isNegative() || warnAfter.isZero()) {
            throw new IllegalArgumentException("cinegraph.health.warn-after must be a positive duration, not "
                    + warnAfter + ".");
        }
        if (errorAfter == null || errorAfter.compareTo(warnAfter) <= 0) {
            throw new IllegalArgumentException("cinegraph.health.error-after (" + errorAfter + ") must be longer than "
                    + "cinegraph.health.warn-after (" + warnAfter + "): a run grows late enough for a warning first.");
        }
    }
}
