package org.cinegraph.app.tmdb;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cinegraph.sandbox.*}: the sandbox's generated catalogue. Without {@code movies-per-year} it serves a
 * small catalogue of the last five years; with it, exactly those years and sizes (for tests and
 * benchmarks: {@code --cinegraph.sandbox.movies-per-year.2024=12000}).
 */
@ConfigurationProperties("cinegraph.sandbox")
record SandboxProperties(Map<Integer, Integer> moviesPerYear, @DefaultValue("1") long seed) {
}
