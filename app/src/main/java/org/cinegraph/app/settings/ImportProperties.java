package org.cinegraph.app.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cinegraph.import.*}. The first year defaults to the current year, which is only known at start,
 * so it is optional here. {@code lease} is how long a node's claim on a running year holds without being
 * renewed: how soon another node takes over the year of a node that was killed. {@code export-sweep},
 * {@code include-adult}, {@code include-video} and {@code max-removals-per-sweep} rule the sweep of TMDb's daily ID
 * export.
 */
@ConfigurationProperties("cinegraph.import")
record ImportProperties(
        Integer firstYear,
        @DefaultValue("1874") int lastYear,
        @DefaultValue("true") boolean continuous,
        @DefaultValue("PT4H") Duration stallAfter,
        @DefaultValue("PT30S") Duration lease,
        @DefaultValue("false") boolean includeAdult,
        @DefaultValue("false") boolean includeVideo,
        @DefaultValue("1%") String maxRemovalsPerSweep,
        @DefaultValue("true") boolean exportSweep) {
}
