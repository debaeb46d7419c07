package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cinegraph.app.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters end to end, on real handlers failing for real: a CHECK constraint the test adds makes PostgreSQL
 * refuse what two live projections write for some events. Year progress is refused the third page of one year
 * (its counts are written for the whole batch when it commits), the movies projection every movie of another year
 * whose id ends in 3 (each movie a sequence of its own). Each refused event is parked with the rest of its sequence
 * while every other sequence goes on; {@code GET /api/projections} counts them; a retry while the cause remains
 * leaves them as they were; once the constraints are gone, {@code POST /api/admin/projections/{name}/dead-letters/
 * retry} applies them, and the tables are exactly what the events say and what a replay rebuilds: a page or a movie
 * applied twice, or partly, would show in the counts, and the parked page must leave none of its writes behind (the
 * year's movies are those of the events before it).
 */
@SpringBootTest(classes = CinegraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cinegraph.data-dir=target/test-data/dead-letters-${random.uuid}",
        "cinegraph.admin.password=" + ApplicationTest.ADMIN_PASSWORD,
        "cinegraph.schedule.enabled=false",
        "cinegraph.sandbox.movies-per-year.2001=60",
        "cinegraph.sandbox.movies-per-year.2002=140",
        "cinegraph.sandbox.movies-per-year.2003=100",
        "cinegraph.sandbox.movies-per-year." + DeadLetterRetryTest.YEAR_WITH_A_MISSING_TABLE + "=40",
        "cinegraph.sandbox.movies-per-year." + DeadLetterRetryTest.YEAR_REPLAYED_WITH_LETTERS + "=60"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterRetryTest {

    static final int YEAR_WITH_A_MISSING_TABLE = 2004;
    static final int YEAR_REPLAYED_WITH_LETTERS = 2005;
    private static final int PARKED_YEAR = 2002;
    private static final int YEAR_OF_PARKED_MOVIES = 2003;
    private static final List<Integer> YEARS = List.of(2001, PARKED_YEAR, YEAR_OF_PARKED_MOVIES);
    /** Every event year progress handles; those of one year make up one sequence. */
    private static final List<String> YEAR_PROGRESS_EVENTS = List.of("YearImportStarted", "YearImportPlanned",
            "PageDiscovered", "MovieImported", "MovieSkipped", "MovieImportFailed", "YearImportCompleted",
            "YearImportFailed");
    private static final String THIRD_PAGE = "dead_letter_test_third_page";
    private static final String MOVIES_ENDING_IN_3 = "dead_letter_test_movies_ending_in_3";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    @Order(1)
    void anEventThatFailsIsParkedWithItsSequenceAndARetryAppliesItOnceTheCauseIsGone() throws Exception {
        jdbc.sql("ALTER TABLE year_progress ADD CONSTRAINT " + THIRD_PAGE + " CHECK (year <> " + PARKED_YEAR
                + " OR pages_done < 3)").update();
        jdbc.sql("ALTER TABLE movies ADD CONSTRAINT " + MOVIES_ENDING_IN_3 + " CHECK (year <> "
                + YEAR_OF_PARKED_MOVIES + " OR tmdb_id % 10 <> 3)").update();

        YEARS.forEach(year -> assertThat(admin().postForEntity("/api/admin/imports/years/" + year, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED));
        await().atMost(Duration.ofSeconds(240)).until(() -> completedYears().keySet().containsAll(YEARS));
        awaitEveryProjectionCaughtUp();

        // Year progress: the third page of the year and every later event of that year, in order, and nothing else.
        List<String> yearSequence = yearProgressEventsFromThirdPage();
        assertThat(yearSequence).hasSizeGreaterThan(10);
        assertThat(letters("year-progress")).containsExactlyElementsOf(yearSequence);
        assertThat(sequences("year-progress")).containsExactly(Integer.toString(PARKED_YEAR));
        assertThat(firstCause("year-progress")).contains(THIRD_PAGE);
        // Movies: each refused movie's import, each in a sequence of its own; the other movies are all there.
        List<String> refusedMovies = importsOfMoviesEndingIn3();
        assertThat(refusedMovies).isNotEmpty();
        assertThat(letters("movies")).containsExactlyInAnyOrderElementsOf(refusedMovies);
        assertThat(sequences("movies")).hasSameSizeAs(refusedMovies);
        assertThat(firstCause("movies")).contains(MOVIES_ENDING_IN_3);
        assertThat(deadLettersShown()).containsEntry("year-progress", (long) yearSequence.size())
                .containsEntry("movies", (long) refusedMovies.size())
                .allSatisfy((projection, parked) -> {
                    if (!projection.equals("year-progress") && !projection.equals("movies")) {
                        assertThat(parked).as(projection).isZero();
                    }
                });

        // The other sequences went on: the other years are complete, the year stopped at its second page.
        Map<Integer, JsonNode> completed = completedYears();
        for (int year : List.of(2001, YEAR_OF_PARKED_MOVIES)) {
            assertThat(yearProgress(year)).isEqualTo(expectedProgress(completed.get(year), pagesOf(year)));
        }
        assertThat(yearProgress(PARKED_YEAR)).startsWith("importing").contains("pages_done=2,");
        // The parked page left nothing behind: the year's movies are those of the events before it.
        assertThat(jdbc.sql("SELECT tmdb_id FROM year_progress_movie WHERE year = :year").param("year", PARKED_YEAR)
                .query(Integer.class).set()).isEqualTo(moviesBeforeThirdPage());
        assertThat(movieCount()).isEqualTo(importedMovies() - refusedMovies.size());
        assertThat(yearCount(YEAR_OF_PARKED_MOVIES)).isEqualTo(importedMovies(YEAR_OF_PARKED_MOVIES)
                - refusedMovies.size());
        // The dashboard's page of that year says so, the second time from memory (KeptAnswers).
        assertThat(yearPageTotal(YEAR_OF_PARKED_MOVIES)).isEqualTo(yearPageTotal(YEAR_OF_PARKED_MOVIES))
                .isEqualTo(importedMovies(YEAR_OF_PARKED_MOVIES) - refusedMovies.size());

        // While the cause remains, a retry applies nothing and leaves every letter where it was; a second retry
        // asked for while it runs is refused.
        Map<String, List<String>> before = rows();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> lock = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("LOCK TABLE year_progress, year_progress_movie IN EXCLUSIVE MODE").update();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(() -> retry("year-progress"));
        await().atMost(Duration.ofSeconds(30)).until(this::aRetryWaitsForTheLock);
        ResponseEntity<JsonNode> second = retry("year-progress");
        assertProblem(second, HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains("already");
        release.countDown();
        lock.get(30, TimeUnit.SECONDS);
        ResponseEntity<JsonNode> failedAgain = first.get(60, TimeUnit.SECONDS);
        assertThat(failedAgain.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(failedAgain.getBody().get("processed").asLong()).isZero();
        assertThat(failedAgain.getBody().get("failed").asInt()).isEqualTo(1);
        assertThat(failedAgain.getBody().get("left").asLong()).isEqualTo(yearSequence.size());
        assertThat(failedAgain.getBody().get("failure").asText()).contains(THIRD_PAGE);
        assertThat(letters("year-progress")).containsExactlyElementsOf(yearSequence);
        assertThat(rows()).isEqualTo(before);

        // The cause gone, the retries apply every letter once.
        jdbc.sql("ALTER TABLE year_progress DROP CONSTRAINT " + THIRD_PAGE).update();
        jdbc.sql("ALTER TABLE movies DROP CONSTRAINT " + MOVIES_ENDING_IN_3).update();
        ResponseEntity<JsonNode> progressRetried = retry("year-progress");
        long keptBeforeTheMoviesRetry = yearPageTotal(YEAR_OF_PARKED_MOVIES);
        ResponseEntity<JsonNode> moviesRetried = retry("movies");
        // A retry writes outside any segment, and counts its commit all the same: the page kept just before it is
        // read again, with the movies it applied.
        assertThat(keptBeforeTheMoviesRetry).isEqualTo(importedMovies(YEAR_OF_PARKED_MOVIES) - refusedMovies.size());
        assertThat(yearPageTotal(YEAR_OF_PARKED_MOVIES)).isEqualTo(importedMovies(YEAR_OF_PARKED_MOVIES));

        assertThat(progressRetried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(progressRetried.getHeaders().getLocation()).hasToString("/api/projections");
        assertThat(progressRetried.getBody().get("name").asText()).isEqualTo("year-progress");
        assertThat(progressRetried.getBody().get("processed").asLong()).isEqualTo(yearSequence.size());
        assertThat(progressRetried.getBody().get("failed").asInt()).isZero();
        assertThat(progressRetried.getBody().get("left").asLong()).isZero();
        assertThat(progressRetried.getBody().get("failure").isNull()).isTrue();
        assertThat(moviesRetried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(moviesRetried.getBody().get("processed").asLong()).isEqualTo(refusedMovies.size());
        assertThat(moviesRetried.getBody().get("left").asLong()).isZero();
        assertThat(letters("year-progress")).isEmpty();
        assertThat(letters("movies")).isEmpty();
        assertThat(deadLettersShown()).allSatisfy((projection, parked) -> assertThat(parked).as(projection).isZero());

        // Exactly what the events say...
        completed = completedYears();
        for (int year : YEARS) {
            assertThat(yearProgress(year)).as("year %d", year)
                    .isEqualTo(expectedProgress(completed.get(year), pagesOf(year)));
            assertThat(yearCount(year)).as("movies of %d", year).isEqualTo(importedMovies(year));
        }
        assertThat(movieCount()).isEqualTo(importedMovies());
        assertThat(jdbc.sql("SELECT count(*) FROM year_progress_movie WHERE year = :year").param("year", PARKED_YEAR)
                .query(Long.class).single()).isEqualTo(completed.get(PARKED_YEAR).get("discovered").asLong());
        // ... and what a replay rebuilds from them.
        Map<String, List<String>> retried = rows();
        replay("year-progress");
        replay("movies");
        assertThat(rows()).isEqualTo(retried);

        ResponseEntity<JsonNode> nothingLeft = retry("year-progress");
        assertThat(nothingLeft.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(nothingLeft.getBody().get("processed").asLong()).isZero();
        assertThat(nothingLeft.getBody().get("left").asLong()).isZero();
    }

    @Test
    @Order(2)
    void aRetryIsRefusedForAnUnknownProjectionWithoutCredentialsAndWhileItsProjectionReplays() {
        ResponseEntity<JsonNode> unknown = retry("no-such");
        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("no-such");
        assertThat(http.postForEntity("/api/admin/projections/movies/dead-letters/retry", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // import-state replays in a moment: a few tries find it under way.
        ResponseEntity<JsonNode> whileReplaying = null;
        for (int attempt = 0; attempt < 5
                && (whileReplaying == null || whileReplaying.getStatusCode() != HttpStatus.CONFLICT); attempt++) {
            awaitEveryProjectionCaughtUp();
            assertThat(admin().postForEntity("/api/admin/projections/import-state/replay", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            whileReplaying = retry("import-state");
        }
        assertProblem(whileReplaying, HttpStatus.CONFLICT);
        assertThat(whileReplaying.getBody().get("detail").asText()).contains("replayed");
        awaitEveryProjectionCaughtUp();
    }

    /**
     * A failure that says nothing about the event (here a table renamed away) parks nothing: the projection's batches
     * are retried, {@code GET /api/projections} says it is in error and not caught up, and once the table is back it
     * catches up with exactly the rows a replay makes.
     */
    @Test
    @Order(3)
    void aFailureThatIsNotTheEventsIsRetriedNotParkedAndShowsAsAnError() {
        awaitEveryProjectionCaughtUp();
        jdbc.sql("ALTER TABLE skipped_imports RENAME TO skipped_imports_away").update();
        try {
            assertThat(admin().postForEntity("/api/admin/imports/years/" + YEAR_WITH_A_MISSING_TABLE, null,
                    String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> completedYears().containsKey(YEAR_WITH_A_MISSING_TABLE));
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM domain_event_entry
                             WHERE payload_type = 'org.cinegraph.events.MovieSkipped'
                               AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'year' = :year""")
                    .param("year", Integer.toString(YEAR_WITH_A_MISSING_TABLE)).query(Long.class).single())
                    .as("movies the projection cannot write").isPositive();
            await().atMost(Duration.ofSeconds(60)).until(() -> status("skipped-imports").get("error").asBoolean());
            // Axon claims a failed segment again within seconds and retries it, each event on its own: for long
            // enough to see a few such retries, the projection stays in error and parks nothing.
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode failing = status("skipped-imports");
                return failing.get("error").asBoolean() && !failing.get("caughtUp").asBoolean()
                        && failing.get("deadLetters").asLong() == 0 && letters("skipped-imports").isEmpty();
            });
        } finally {
            jdbc.sql("ALTER TABLE skipped_imports_away RENAME TO skipped_imports").update();
        }
        awaitEveryProjectionCaughtUp();
        assertThat(status("skipped-imports").get("error").asBoolean()).isFalse();
        assertThat(letters("skipped-imports")).isEmpty();
        List<String> caughtUp = jdbc.sql("SELECT t::text FROM skipped_imports t ORDER BY t::text").query(String.class)
                .list();
        assertThat(jdbc.sql("SELECT count(*) FROM skipped_imports WHERE year = :year")
                .param("year", YEAR_WITH_A_MISSING_TABLE).query(Long.class).single()).isPositive();
        replay("skipped-imports");
        assertThat(jdbc.sql("SELECT t::text FROM skipped_imports t ORDER BY t::text").query(String.class).list())
                .isEqualTo(caughtUp);
    }

    /**
     * A replay drops the projection's letters when it starts and applies their events again with all the others:
     * while the cause remains, the same events are parked anew (the rebuilt table has the constraint too); once it
     * is gone, a replay leaves no letter and every movie.
     */
    @Test
    @Order(4)
    void aReplayAppliesTheParkedEventsAgainAndParksThoseThatStillFail() {
        awaitEveryProjectionCaughtUp();
        String constraint = "dead_letter_test_movies_ending_in_7";
        jdbc.sql("ALTER TABLE movies ADD CONSTRAINT " + constraint + " CHECK (year <> " + YEAR_REPLAYED_WITH_LETTERS
                + " OR tmdb_id % 10 <> 7)").update();
        assertThat(admin().postForEntity("/api/admin/imports/years/" + YEAR_REPLAYED_WITH_LETTERS, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(120)).until(() -> completedYears().containsKey(YEAR_REPLAYED_WITH_LETTERS));
        awaitEveryProjectionCaughtUp();
        List<String> refused = jdbc.sql("""
                        SELECT event_identifier FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.MovieImported'
                           AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'year' = :year
                           AND CAST(CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'tmdbId' AS int) % 10 = 7""")
                .param("year", Integer.toString(YEAR_REPLAYED_WITH_LETTERS)).query(String.class).list();
        assertThat(refused).isNotEmpty();
        assertThat(letters("movies")).containsExactlyInAnyOrderElementsOf(refused);
        List<String> enqueuedBefore = jdbc.sql("SELECT CAST(enqueued_at AS text) FROM dead_letter_entry"
                + " WHERE processing_group = 'movies' ORDER BY 1").query(String.class).list();

        replay("movies");

        assertThat(letters("movies")).as("the same events, parked anew").containsExactlyInAnyOrderElementsOf(refused);
        assertThat(jdbc.sql("SELECT CAST(enqueued_at AS text) FROM dead_letter_entry"
                + " WHERE processing_group = 'movies' ORDER BY 1").query(String.class).list())
                .doesNotContainAnyElementsOf(enqueuedBefore);
        assertThat(status("movies").get("deadLetters").asLong()).isEqualTo(refused.size());
        assertThat(movieCount()).isEqualTo(importedMovies() - refused.size());

        jdbc.sql("ALTER TABLE movies DROP CONSTRAINT " + constraint).update();
        replay("movies");

        assertThat(letters("movies")).isEmpty();
        assertThat(status("movies").get("deadLetters").asLong()).isZero();
        assertThat(movieCount()).isEqualTo(importedMovies());
        for (int year : List.of(2001, PARKED_YEAR, YEAR_OF_PARKED_MOVIES, YEAR_WITH_A_MISSING_TABLE,
                YEAR_REPLAYED_WITH_LETTERS)) {
            assertThat(yearCount(year)).as("movies of %d", year).isEqualTo(importedMovies(year));
        }
    }

    private JsonNode status(String projection) {
        for (JsonNode status : http.getForObject("/api/projections", JsonNode.class)) {
            if (status.get("name").asText().equals(projection)) {
                return status;
            }
        }
        throw new AssertionError("No projection " + projection + " in GET /api/projections");
    }

    /** The year-progress events of the parked year from its third first-pass page on, in the store's order. */
    private List<String> yearProgressEventsFromThirdPage() {
        return aroundThirdPage("""
                        SELECT event_identifier FROM year_events
                         WHERE CAST(event ->> 'year' AS int) = :year
                           AND global_index >= (SELECT global_index FROM third_page)
                         ORDER BY global_index""").query(String.class).list();
    }

    /** The movies the parked year's pages and outcomes named before its third first-pass page. */
    private Set<Integer> moviesBeforeThirdPage() {
        return new HashSet<>(aroundThirdPage("""
                        , before AS (
                            SELECT * FROM year_events
                             WHERE CAST(event ->> 'year' AS int) = :year
                               AND global_index < (SELECT global_index FROM third_page))
                        SELECT CAST(listed ->> 'tmdbId' AS int) FROM before, jsonb_array_elements(event -> 'movies') AS listed
                         WHERE payload_type = 'org.cinegraph.events.PageDiscovered'
                        UNION
                        SELECT CAST(event ->> 'tmdbId' AS int) FROM before
                         WHERE payload_type <> 'org.cinegraph.events.PageDiscovered' AND event ->> 'tmdbId' IS NOT NULL""")
                .query(Integer.class).list());
    }

    /**
     * A query that goes on from the year-progress events ({@code year_events}, each one's JSON as {@code event}) and
     * the parked year's third first-pass page ({@code third_page}).
     */
    private JdbcClient.StatementSpec aroundThirdPage(String query) {
        return jdbc.sql("""
                        WITH year_events AS (
                            SELECT global_index, event_identifier, payload_type,
                                   CAST(convert_from(payload, 'UTF8') AS jsonb) AS event
                              FROM domain_event_entry
                             WHERE payload_type = ANY (CAST(:types AS text[]))),
                        third_page AS (
                            SELECT global_index FROM year_events
                             WHERE payload_type = 'org.cinegraph.events.PageDiscovered'
                               AND CAST(event ->> 'year' AS int) = :year AND CAST(event ->> 'pass' AS int) = 1
                             ORDER BY global_index OFFSET 2 LIMIT 1)
                        """ + query)
                .param("types", YEAR_PROGRESS_EVENTS.stream().map(type -> "org.cinegraph.events." + type)
                        .toArray(String[]::new))
                .param("year", PARKED_YEAR);
    }

    private List<String> importsOfMoviesEndingIn3() {
        return jdbc.sql("""
                        SELECT event_identifier FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.MovieImported'
                           AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'year' = :year
                           AND CAST(CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'tmdbId' AS int) % 10 = 3""")
                .param("year", Integer.toString(YEAR_OF_PARKED_MOVIES)).query(String.class).list();
    }

    /** The events parked for the projection, in each sequence's order. */
    private List<String> letters(String projection) {
        return jdbc.sql("""
                        SELECT event_identifier FROM dead_letter_entry WHERE processing_group = :projection
                         ORDER BY sequence_identifier, sequence_index""")
                .param("projection", projection).query(String.class).list();
    }

    private List<String> sequences(String projection) {
        return jdbc.sql("SELECT DISTINCT sequence_identifier FROM dead_letter_entry WHERE processing_group = :projection")
                .param("projection", projection).query(String.class).list();
    }

    private String firstCause(String projection) {
        return jdbc.sql("""
                        SELECT cause_message FROM dead_letter_entry WHERE processing_group = :projection
                         ORDER BY sequence_identifier, sequence_index LIMIT 1""")
                .param("projection", projection).query(String.class).single();
    }

    private Map<String, Long> deadLettersShown() {
        Map<String, Long> shown = new LinkedHashMap<>();
        http.getForObject("/api/projections", JsonNode.class)
                .forEach(status -> shown.put(status.get("name").asText(), status.get("deadLetters").asLong()));
        assertThat(shown).containsOnlyKeys(ReadModels.TABLES.keySet());
        return shown;
    }

    /** Each year's YearImportCompleted, as the command side recorded it. */
    private Map<Integer, JsonNode> completedYears() {
        Map<Integer, JsonNode> completed = new LinkedHashMap<>();
        StoredEvents.of(jdbc, "YearImportCompleted").forEach(event -> completed.put(event.get("year").asInt(), event));
        return completed;
    }

    private int pagesOf(int year) {
        return (int) StoredEvents.of(jdbc, "PageDiscovered").stream()
                .filter(page -> page.get("year").asInt() == year && page.get("pass").asInt() == 1).count();
    }

    private static String expectedProgress(JsonNode completed, int pages) {
        return "completed pages_done=" + pages + ", discovered=" + completed.get("discovered").asInt() + ", imported="
                + completed.get("imported").asInt() + ", skipped=" + completed.get("skipped").asInt() + ", failed="
                + completed.get("failed").asInt();
    }

    private String yearProgress(int year) {
        return jdbc.sql("""
                        SELECT status || ' pages_done=' || pages_done || ', discovered=' || discovered || ', imported='
                               || imported || ', skipped=' || skipped || ', failed=' || failed
                          FROM year_progress WHERE year = :year""")
                .param("year", year).query(String.class).single();
    }

    /** The total of the year's first page of {@code GET /api/movies}, as the dashboard reads it. */
    private long yearPageTotal(int year) {
        return http.getForObject("/api/movies?year=" + year + "&limit=1", JsonNode.class).get("total").asLong();
    }

    private long movieCount() {
        return jdbc.sql("SELECT count(*) FROM movies").query(Long.class).single();
    }

    private long yearCount(int year) {
        return jdbc.sql("SELECT COALESCE(sum(movies), 0) FROM movie_year_counts WHERE year = :year")
                .param("year", year).query(Long.class).single();
    }

    private long importedMovies() {
        return StoredEvents.of(jdbc, "MovieImported").size();
    }

    private long importedMovies(int year) {
        return StoredEvents.of(jdbc, "MovieImported").stream().filter(movie -> movie.get("year").asInt() == year)
                .count();
    }

    /** Every row of the two projections' tables, in a stable order, as text. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : List.of("year_progress", "year_progress_movie", "movies", "movie_year_counts")) {
            rows.put(table, jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t::text").query(String.class)
                    .list());
        }
        return rows;
    }

    private boolean aRetryWaitsForTheLock() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks
                         WHERE NOT granted AND relation IN (CAST('year_progress' AS regclass),
                                                           CAST('year_progress_movie' AS regclass))""")
                .query(Long.class).single() > 0;
    }

    private void replay(String projection) {
        String requestedBefore = rebuild(projection).path("requestedAt").asText();
        assertThat(admin().postForEntity("/api/admin/projections/" + projection + "/replay", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> !rebuild(projection).path("requestedAt").asText()
                .equals(requestedBefore) && rebuild(projection).path("state").asText().equals("completed"));
        awaitEveryProjectionCaughtUp();
    }

    private JsonNode rebuild(String projection) {
        for (JsonNode status : http.getForObject("/api/projections", JsonNode.class)) {
            if (status.get("name").asText().equals(projection)) {
                return status.path("rebuild");
            }
        }
        throw new AssertionError("No projection " + projection + " in GET /api/projections");
    }

    private void awaitEveryProjectionCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).until(() -> http.getForObject("/api/projections", JsonNode.class)
                .findValuesAsText("caughtUp").stream().allMatch("true"::equals));
    }

    private ResponseEntity<JsonNode> retry(String projection) {
        return admin().postForEntity("/api/admin/projections/" + projection + "/dead-letters/retry", null,
                JsonNode.class);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
