package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} as an operator's Prometheus scrapes it, without credentials, on an application of its
 * own that imports one small sandbox year: the domain's {@code cinegraph_*} figures are there with their tags and
 * move with the import, no tag holds a movie, and every metric docs/grafana-dashboard.json charts is served.
 */
class PrometheusMetricsTest {

    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;
    private static final int MOVIES = 40;
    /** The tags a domain meter may have: each takes a few values, none a movie's. */
    private static final Set<String> BOUNDED_TAGS = Set.of("outcome", "source", "endpoint", "status", "projection");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static RunningApp app;
    private static List<Sample> beforeImport;
    private static List<Sample> whileImporting;
    private static JsonNode year;

    @BeforeAll
    static void importOneYear() throws Exception {
        // A daily tick half a day away: scheduled, never due while the test runs.
        int tickHour = (Instant.now().atZone(ZoneOffset.UTC).getHour() + 12) % 24;
        app = RunningApp.start("cinegraph.data-dir=target/test-data/prometheus-" + UUID.randomUUID(),
                "cinegraph.schedule.enabled=true", "cinegraph.schedule.daily-import-cron=0 0 " + tickHour + " * * *",
                "cinegraph.import.first-year=" + YEAR, "cinegraph.import.last-year=" + YEAR,
                "cinegraph.sandbox.movies-per-year." + YEAR + "=" + MOVIES);
        beforeImport = scrape();
        TmdbSandboxServer sandbox = app.context().getBean(TmdbSandboxServer.class);
        // Slow enough for a scrape to see the year running, its projection caught up with its discovery, on a loaded
        // machine too: at 200 ms an answer the year took a second and a half, and scrapes missed it; at 3 s, ten or so.
        sandbox.faults().latency(Duration.ofSeconds(3));
        assertThat(app.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
        whileImporting = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(PrometheusMetricsTest::scrape, samples -> value(samples, "cinegraph_year_running") == YEAR
                        && value(samples, "cinegraph_year_discovered") > 0);
        sandbox.faults().reset();
        year = await().atMost(Duration.ofSeconds(120))
                .until(() -> app.json(app.get("/api/import/years/" + YEAR)),
                        progress -> "completed".equals(progress.path("status").asText()));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void moviesRecordedCountTheYearsOutcomesBySourceAndOutcome() throws Exception {
        assertThat(beforeImport).filteredOn(sample -> sample.name().equals("cinegraph_movies_recorded_total"))
                .as("every outcome and source from the start, at zero").hasSize(3 * 4)
                .allSatisfy(sample -> assertThat(sample.value()).isZero());

        List<Sample> samples = scrape();

        for (String outcome : List.of("imported", "skipped", "failed")) {
            assertThat(value(samples, "cinegraph_movies_recorded_total", "outcome", outcome, "source", "year_import"))
                    .as(outcome).isEqualTo(year.get(outcome).asDouble());
        }
        assertThat(year.get("discovered").asInt()).isEqualTo(MOVIES);
        assertThat(samples).filteredOn(sample -> sample.name().equals("cinegraph_movies_recorded_total")
                        && !sample.labels().get("source").equals("year_import"))
                .allSatisfy(sample -> assertThat(sample.value()).isZero());
    }

    @Test
    void tmdbRequestsAreCountedAndTimedByEndpointAndStatus() throws Exception {
        List<Sample> samples = scrape();

        assertThat(value(samples, "cinegraph_tmdb_requests_seconds_count", "endpoint", "/movie/{id}", "status", "200"))
                .isGreaterThanOrEqualTo(MOVIES);
        assertThat(value(samples, "cinegraph_tmdb_requests_seconds_count", "endpoint", "/discover/movie",
                "status", "200")).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "cinegraph_tmdb_requests_seconds_sum", "endpoint", "/movie/{id}", "status", "200"))
                .as("latency, with the sandbox's second for some of them").isPositive();
        double requests = samples.stream().filter(sample -> sample.name().equals(
                "cinegraph_tmdb_requests_seconds_count")).mapToDouble(Sample::value).sum();
        assertThat(value(samples, "cinegraph_tmdb_rate_limiter_wait_seconds_count")).isEqualTo(requests);
    }

    @Test
    void theRunningYearsCountsMovedWhileItRanAndStayOnceItCompleted() throws Exception {
        assertThat(value(beforeImport, "cinegraph_year_running")).isZero();
        assertThat(value(beforeImport, "cinegraph_year_discovered")).isNaN();
        assertThat(value(whileImporting, "cinegraph_year_recorded")).isBetween(0.0, (double) MOVIES);

        List<Sample> samples = await().atMost(Duration.ofSeconds(10)).until(PrometheusMetricsTest::scrape,
                scraped -> value(scraped, "cinegraph_year_running") == 0);

        assertThat(value(samples, "cinegraph_year_discovered")).isEqualTo(MOVIES);
        assertThat(value(samples, "cinegraph_year_recorded")).isEqualTo(MOVIES);
        assertThat(value(samples, "cinegraph_export_sweep_progress")).as("no sweep has run").isNaN();
    }

    @Test
    void eachProjectionsLagAndReplayProgressAreServed() throws Exception {
        List<String> projections = new ArrayList<>();
        app.json(app.get("/api/projections")).forEach(projection -> projections.add(projection.get("name").asText()));
        assertThat(projections).contains("year-progress", "movies");

        List<Sample> caughtUp = await().atMost(Duration.ofSeconds(30)).until(PrometheusMetricsTest::scrape,
                samples -> projections.stream().allMatch(name -> value(samples, "cinegraph_projection_lag",
                        "projection", name) == 0));
        assertThat(caughtUp).filteredOn(sample -> sample.name().equals("cinegraph_projection_lag"))
                .extracting(sample -> sample.labels().get("projection"))
                .containsExactlyInAnyOrderElementsOf(projections);
        assertThat(value(caughtUp, "cinegraph_projection_replay_progress", "projection", "year-progress"))
                .as("never replayed").isNaN();

        assertThat(app.postAsAdmin("/api/admin/projections/year-progress/replay").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> value(scrape(), "cinegraph_projection_replay_progress",
                "projection", "year-progress") == 1.0);
    }

    @Test
    void secondsUntilTheNextRunAreThoseOfTheSchedulesNextRun() throws Exception {
        JsonNode schedule = app.json(app.get("/api/schedule"));
        double untilNextRun = Duration.between(Instant.now(), Instant.parse(schedule.get("nextRunAt").asText()))
                .toSeconds();

        double served = value(scrape(), "cinegraph_schedule_next_run_seconds");

        assertThat(served).isPositive().isCloseTo(untilNextRun, Offset.offset(5.0));
    }

    @Test
    void noDomainMetricHoldsAMovieInItsTags() throws Exception {
        Set<String> movieIds = new HashSet<>();
        app.json(app.get("/api/movies?year=" + YEAR + "&limit=500")).get("items")
                .forEach(movie -> movieIds.add(movie.get("tmdbId").asText()));
        assertThat(movieIds).hasSize(year.get("imported").asInt());

        List<Sample> domain = scrape().stream().filter(sample -> sample.name().startsWith("cinegraph_")).toList();

        assertThat(domain).allSatisfy(sample -> {
            assertThat(BOUNDED_TAGS).as(sample.toString()).containsAll(sample.labels().keySet());
            assertThat(sample.labels().values()).as(sample.toString()).noneMatch(value ->
                    Pattern.compile("\\d+").matcher(value).results().anyMatch(id -> movieIds.contains(id.group())));
        });
        Map<String, Set<String>> valuesByTag = new LinkedHashMap<>();
        domain.forEach(sample -> sample.labels().forEach((tag, value) -> valuesByTag
                .computeIfAbsent(tag, any -> new HashSet<>()).add(value)));
        assertThat(valuesByTag).as("a few values a tag, not one a movie")
                .allSatisfy((tag, values) -> assertThat(values).hasSizeLessThan(MOVIES / 2));
    }

    @Test
    void everyMetricTheGrafanaDashboardChartsIsServed() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "docs", "grafana-dashboard.json").toFile());
        Set<String> charted = metricNames(dashboard);
        // The JVM's pauses are timed from its first collection on (a young JVM may have had none): one is asked for.
        System.gc();
        Set<String> served = await().atMost(Duration.ofSeconds(10)).until(() -> scrape().stream().map(Sample::name)
                .collect(Collectors.toSet()), names -> names.contains("jvm_gc_pause_seconds_sum"));

        assertThat(charted).as("the dashboard's domain metrics")
                .contains("cinegraph_movies_recorded_total", "cinegraph_tmdb_requests_seconds_count",
                        "cinegraph_projection_lag", "cinegraph_projection_replay_progress", "cinegraph_year_running",
                        "cinegraph_year_discovered", "cinegraph_year_recorded", "cinegraph_export_sweep_progress",
                        "cinegraph_schedule_next_run_seconds", "cinegraph_tmdb_rate_limiter_wait_seconds_sum",
                        "cinegraph_health_status")
                .anyMatch(name -> name.startsWith("jvm_")).anyMatch(name -> name.startsWith("tomcat_"))
                .anyMatch(name -> name.startsWith("http_server_requests"));
        Set<String> missing = new HashSet<>(charted);
        missing.removeAll(served);
        assertThat(missing).as("charted but not served").isEmpty();
    }

    /**
     * The metrics the dashboard's queries read: in each PromQL {@code expr}, the names left once label matchers,
     * ranges, strings, Grafana's variables and {@code by (...)} clauses are taken out, other than functions and
     * operators.
     */
    private static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new HashSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            String query = expr.asText()
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^\\]]*\\]", " ")
                    .replaceAll("\"[^\"]*\"", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\\$\\w+", " ");
            Matcher name = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(query);
            while (name.find()) {
                boolean called = query.substring(name.end()).stripLeading().startsWith("(");
                if (!called && !Set.of("and", "or", "unless", "offset", "bool").contains(name.group())) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }

    /** The scrape as Prometheus reads it: no credentials, the text format. */
    private static List<Sample> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = app.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The value of the one sample of {@code name} with these labels (name, value, ...), among others it may have. */
    private static double value(List<Sample> samples, String name, String... labels) {
        List<Sample> found = samples.stream().filter(sample -> sample.name().equals(name)).filter(sample -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(found).as(name + " " + List.of(labels)).hasSize(1);
        return found.get(0).value();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
