package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes, each in a JVM of its own, on one PostgreSQL, with the daily schedule ticking every
 * second: the schedule fires once per tick; one node is killed with SIGKILL while it imports a year, and the
 * other takes the year and the projections over. Each year is started once and completed once, and every movie
 * has exactly one outcome.
 */
class TwoNodesScheduleTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesScheduleTest.class);
    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    private static final int YEARS = 5;
    private static final int MOVIES_PER_YEAR = 120;
    private static final List<Integer> RANGE = IntStream.range(0, YEARS).mapToObj(back -> THIS_YEAR - back).toList();

    @Test
    void killingTheNodeThatImportsAYearLosesAndDoublesNothing() throws Exception {
        Path logs = Path.of("target", "two-nodes-schedule");
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            List<String> properties = new ArrayList<>(List.of(
                    "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres",
                    "cinegraph.schedule.enabled=true",
                    "cinegraph.schedule.daily-import-cron=* * * * * *",
                    "db-scheduler.polling-interval=500ms",
                    "db-scheduler.heartbeat-interval=1s",
                    // One year a tick: the ticks, not the completions, move the pass on.
                    "cinegraph.import.continuous=false",
                    "cinegraph.import.first-year=" + RANGE.get(0),
                    "cinegraph.import.last-year=" + RANGE.get(YEARS - 1),
                    "cinegraph.import.lease=PT3S",
                    // Slow enough (some 16 s a year) that a kill lands in the middle of a year.
                    "cinegraph.tmdb.requests-per-second=8"));
            RANGE.forEach(year -> properties.add("cinegraph.sandbox.movies-per-year." + year + "=" + MOVIES_PER_YEAR));
            String[] args = properties.toArray(String[]::new);

            try (ChildApp first = ChildApp.start(logs.resolve("first.log"), args)) {
                // Alone, the first node claims every projection segment and starts the first year itself.
                await().atMost(Duration.ofSeconds(60)).until(() -> tokenOwners(jdbc).size() == 1
                        && runOwner(jdbc, RANGE.get(0)).isPresent());
                try (ChildApp second = ChildApp.start(logs.resolve("second.log"), args)) {
                    ChildApp killed = awaitYearImportedBy(jdbc, first).map(year -> first)
                            .orElseGet(() -> ownerOfRunningYear(jdbc, first, second));
                    ChildApp survivor = killed == first ? second : first;
                    log.info("Killing node {} (the first started: {})", killed.pid(), killed == first);
                    killed.kill();

                    await().atMost(Duration.ofSeconds(180)).until(() ->
                            StoredEvents.of(jdbc, "YearImportCompleted").size() == YEARS);
                    // The survivor's projections catch up, whichever node held their segments.
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        assertThat(jdbc.sql("SELECT count(*) FROM year_progress WHERE status = 'completed'")
                                .query(Integer.class).single()).isEqualTo(YEARS);
                        assertThat(jdbc.sql("SELECT count(*) FROM movies").query(Integer.class).single())
                                .isEqualTo(StoredEvents.of(jdbc, "MovieImported").size());
                        assertThat(tokenOwners(jdbc)).allMatch(owner -> owner.startsWith(survivor.pid() + "@"));
                    });
                }
            }
            assertEachYearStartedOnceAndCompletedExactly(jdbc);
            assertEveryMovieHasOneOutcome(jdbc);
            List<String> ticks = StoredEvents.of(jdbc, "ImportTriggered").stream()
                    .filter(tick -> tick.get("trigger").asText().equals("SCHEDULE"))
                    .map(tick -> tick.get("scheduledFor").asText()).toList();
            assertThat(ticks).as("the schedule ticked many times, each tick once").hasSizeGreaterThan(YEARS)
                    .doesNotHaveDuplicates();
        }
    }

    /**
     * Waits for a year that the first node imports, from the one running now up to the year before the last, and
     * returns it once it is well under way; empty when the second node took every one of those. The first node
     * ran alone until the second started, so the year running then is its own.
     */
    private static Optional<Integer> awaitYearImportedBy(JdbcClient jdbc, ChildApp node) {
        List<Integer> done = completed(jdbc);
        for (int year : RANGE.subList(0, YEARS - 1).stream().filter(year -> !done.contains(year)).toList()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> runOwner(jdbc, year).isPresent()
                    || completed(jdbc).contains(year));
            Optional<String> owner = runOwner(jdbc, year);
            if (owner.isPresent() && owner.get().startsWith(node.pid() + "@")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(jdbc, year) >= MOVIES_PER_YEAR / 4);
                if (runOwner(jdbc, year).isPresent()) {
                    return Optional.of(year);
                }
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> completed(jdbc).contains(year));
        }
        return Optional.empty();
    }

    private static ChildApp ownerOfRunningYear(JdbcClient jdbc, ChildApp first, ChildApp second) {
        int year = RANGE.get(YEARS - 1);
        await().atMost(Duration.ofSeconds(120)).until(() -> runOwner(jdbc, year).isPresent());
        return runOwner(jdbc, year).orElseThrow().startsWith(first.pid() + "@") ? first : second;
    }

    private static void assertEachYearStartedOnceAndCompletedExactly(JdbcClient jdbc) {
        Map<Integer, Long> starts = StoredEvents.of(jdbc, "YearImportStarted").stream()
                .collect(Collectors.groupingBy(start -> start.get("year").asInt(), Collectors.counting()));
        assertThat(starts).containsOnlyKeys(RANGE).allSatisfy((year, count) -> assertThat(count).isOne());
        List<JsonNode> completions = StoredEvents.of(jdbc, "YearImportCompleted");
        assertThat(completions).extracting(done -> done.get("year").asInt()).containsExactlyInAnyOrderElementsOf(RANGE);
        for (JsonNode done : completions) {
            assertThat(done.get("discovered").asInt()).isEqualTo(MOVIES_PER_YEAR)
                    .isEqualTo(done.get("imported").asInt() + done.get("skipped").asInt() + done.get("failed").asInt());
        }
        assertThat(jdbc.sql("SELECT sum(discovered) FROM year_progress").query(Integer.class).single())
                .isEqualTo(YEARS * MOVIES_PER_YEAR);
        assertThat(jdbc.sql("SELECT count(*) FROM movies").query(Integer.class).single())
                .isEqualTo(jdbc.sql("SELECT sum(imported) FROM year_progress").query(Integer.class).single());
    }

    private static void assertEveryMovieHasOneOutcome(JdbcClient jdbc) {
        List<Integer> outcomes = new ArrayList<>();
        for (String type : List.of("MovieImported", "MovieSkipped")) {
            StoredEvents.of(jdbc, type).forEach(outcome -> outcomes.add(outcome.get("tmdbId").asInt()));
        }
        assertThat(outcomes).hasSize(YEARS * MOVIES_PER_YEAR).doesNotHaveDuplicates();
    }

    private static Optional<String> runOwner(JdbcClient jdbc, int year) {
        return jdbc.sql("SELECT owner FROM import_ledger_run WHERE year = :year AND owner IS NOT NULL")
                .param("year", year).query(String.class).optional();
    }

    private static List<Integer> completed(JdbcClient jdbc) {
        return jdbc.sql("SELECT year FROM import_ledger_year WHERE status = 'completed'").query(Integer.class).list();
    }

    private static int outcomes(JdbcClient jdbc, int year) {
        return jdbc.sql("SELECT count(*) FROM import_ledger_outcome WHERE year = :year").param("year", year)
                .query(Integer.class).single();
    }

    private static List<String> tokenOwners(JdbcClient jdbc) {
        return jdbc.sql("SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL").query(String.class).list();
    }
}
