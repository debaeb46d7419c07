package org.cinegraph.app.festival;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cinegraph.oscars.*}: where the Academy's ceremony pages are read ({@code {base-url}/oscars/ceremonies/
 * {year}}, the sandbox's in sandbox mode), at most {@code requests-per-second}, each page at most
 * {@code max-page-size}, each request within {@code timeout}.
 */
@ConfigurationProperties("cinegraph.oscars")
record OscarsProperties(
        @DefaultValue("https://www.oscars.org") URI baseUrl,
        @DefaultValue("1") double requestsPerSecond,
        @DefaultValue("5MB") DataSize maxPageSize,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1s") Duration retryBackoff) {
}
