package org.cinegraph.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cinegraph.import.*}. The first year defaults to the current year, which is only known at start,
 * so it is optional here.
 */
@ConfigurationProperties("cinegraph.import")
record ImportProperties(
        Integer firstYear,
        @DefaultValue("1874") int lastYear) {
}
