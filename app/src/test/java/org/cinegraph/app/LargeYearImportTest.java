package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year with more movies than one discover query reaches (10,000), imported through a stop in the middle:
 * every movie is discovered and gets exactly one outcome, and no event is recorded twice.
 */
class LargeYearImportTest {

    private static final int YEAR = 2021;
    private static final int MOVIES = 12_000;

    @TempDir
    Path dataDir;

    @Test
    void aYearOfTwelveThousandMoviesImportsExactlyThroughAStopInTheMiddle() throws Exception {
        String[] properties = {
                "cinegraph.data-dir=" + dataDir,
                "cinegraph.sandbox.movies-per-year." + YEAR + "=" + MOVIES,
                "cinegraph.tmdb.requests-per-second=5000",
                "cinegraph.tmdb.max-connections=16"};

        try (RunningApp first = RunningApp.start(properties)) {
            assertThat(first.postAsAdmin("/api/admin/imports/years/" + YEAR).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(3)).until(() -> outcomes(first) >= MOVIES / 4);
        }
        long recordedBeforeTheStop;
        try (RunningApp second = RunningApp.start(properties)) {
            recordedBeforeTheStop = outcomes(second);
            assertThat(recordedBeforeTheStop).as("stopped in the middle").isBetween(1L, MOVIES - 1L);

            JsonNode year = await().atMost(Duration.ofMinutes(5)).until(
                    () -> second.json(second.get("/api/import/years/" + YEAR)),
                    progress -> progress.get("status").asText().equals("completed"));

            assertThat(year.get("tmdbTotal").asInt()).isEqualTo(MOVIES);
            assertThat(year.get("discovered").asInt()).isEqualTo(MOVIES);
            assertThat(year.get("imported").asInt() + year.get("skipped").asInt() + year.get("failed").asInt())
                    .isEqualTo(MOVIES);
            assertThat(year.get("failed").asInt()).isZero();
            assertThat(year.get("pagesTotal").asInt()).isGreaterThanOrEqualTo(MOVIES / 20);
            assertThat(year.get("pagesDone").asInt()).isEqualTo(year.get("pagesTotal").asInt());

            JdbcClient events = JdbcClient.create(second.context().getBean(DataSource.class));
            assertThat(events.sql("""
                            SELECT jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'windows')
                              FROM domain_event_entry WHERE payload_type = 'org.cinegraph.events.YearImportPlanned'""")
                    .query(Integer.class).single()).as("split into date windows").isGreaterThan(1);
            Map<String, Object> outcomeEvents = events.sql("""
                            SELECT count(*) AS events,
                                   count(DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId') AS movies
                              FROM domain_event_entry
                             WHERE payload_type IN ('org.cinegraph.events.MovieImported',
                                                    'org.cinegraph.events.MovieSkipped',
                                                    'org.cinegraph.events.MovieImportFailed')""")
                    .query().singleRow();
            assertThat(outcomeEvents).containsEntry("events", (long) MOVIES).containsEntry("movies", (long) MOVIES);
            Map<String, Object> pageEvents = events.sql("""
                            SELECT count(*) AS events,
                                   count(DISTINCT (convert_from(payload, 'UTF8')::jsonb -> 'window' ->> 'from')
                                         || '/' || (convert_from(payload, 'UTF8')::jsonb ->> 'pass')
                                         || '/' || (convert_from(payload, 'UTF8')::jsonb ->> 'page')) AS pages
                              FROM domain_event_entry WHERE payload_type = 'org.cinegraph.events.PageDiscovered'""")
                    .query().singleRow();
            assertThat(pageEvents.get("events")).as("no page recorded twice").isEqualTo(pageEvents.get("pages"));
        }
    }

    private static long outcomes(RunningApp app) {
        return JdbcClient.create(app.context().getBean(DataSource.class))
                .sql("SELECT count(*) FROM import_ledger_outcome").query(Long.class).single();
    }
}
