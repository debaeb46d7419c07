package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.cinegraph.sandbox.oscars.OscarsNominations;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.tmdb.MovieDetailsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database survives its application being killed, a node killed in the middle of its imports finishes
 * them exactly when it starts again, and a data directory is never taken from an application that still runs.
 */
class KillAndRestartTest {

    /** Killed while its movies get their outcomes. */
    private static final int DETAILS_YEAR = 2016;
    private static final int DETAILS_YEAR_MOVIES = 2_000;
    /**
     * Killed while its pages are read. A year's job reads every discover page before it fetches any movie, so no
     * moment of one year has both outcomes and pages still to read: the second year, started once the first has
     * outcomes, is caught between its pages.
     */
    private static final int DISCOVERY_YEAR = 2015;
    private static final int DISCOVERY_YEAR_MOVIES = 1_000;
    private static final List<String> OUTCOMES = List.of("MovieImported", "MovieSkipped", "MovieImportFailed");
    /** What a process killed by a signal exits with: 128 + the signal's number, 9 for SIGKILL. */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    @TempDir
    Path dataDir;

    @Test
    void aNodeKilledWithSigkillInTheMiddleOfItsYearsFinishesThemExactlyOnceStartedAgain() throws Exception {
        SandboxCatalogue catalogue = SandboxCatalogue.builder()
                .year(DETAILS_YEAR, DETAILS_YEAR_MOVIES).year(DISCOVERY_YEAR, DISCOVERY_YEAR_MOVIES).build();
        // TMDb stands outside the node and outlives it: the sandbox runs here, so that the killed node and the
        // restarted one read the same TMDb, and this test sets its pace.
        try (TmdbSandboxServer tmdb = TmdbSandboxServer.start(catalogue)) {
            String[] node = node(tmdb);
            String detailsYearStartedAt;
            try (ChildApp killed = ChildApp.start(Path.of("target", "kill-and-restart", "killed.log"), node)) {
                JdbcClient events = databaseOf(dataDir);
                assertThat(killed.postAsAdmin("/api/admin/imports/years/" + DETAILS_YEAR)).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> pagesRead(events, DETAILS_YEAR) == plannedPages(events, DETAILS_YEAR));
                // From the end of the year's discovery on, slow enough that the polls see each year in the middle:
                // at most some 200 details or 50 discover pages a second (16 requests in flight, a year's job
                // reading 4 pages at once).
                tmdb.faults().latency(Duration.ofMillis(80));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> outcomes(events, DETAILS_YEAR) >= 100);
                assertThat(killed.postAsAdmin("/api/admin/imports/years/" + DISCOVERY_YEAR)).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> events.sql("SELECT count(*) FROM import_ledger_page WHERE year = :year")
                                .param("year", DISCOVERY_YEAR).query(Long.class).single() >= 5);
                assertThat(killed.kill()).as("killed with SIGKILL").isEqualTo(KILLED_BY_SIGKILL);

                assertThat(orphanedPostmaster()).as("the killed JVM's PostgreSQL server outlives it").isTrue();
                assertThat(outcomeEvents(events, DETAILS_YEAR)).as("killed while %s's movies got their outcomes",
                        DETAILS_YEAR).isBetween(100L, DETAILS_YEAR_MOVIES - 1L);
                assertThat(pagesRead(events, DISCOVERY_YEAR)).as("killed while %s's pages were read", DISCOVERY_YEAR)
                        .isBetween(5L, plannedPages(events, DISCOVERY_YEAR) - 1L);
                assertThat(outcomeEvents(events, DISCOVERY_YEAR)).isZero();
                detailsYearStartedAt = events.sql("SELECT started_at::text FROM import_ledger_year WHERE year = :year")
                        .param("year", DETAILS_YEAR).query(String.class).single();
            }

            tmdb.faults().reset();
            try (RunningApp restarted = RunningApp.start(node)) {
                JdbcClient events = restarted.jdbc();
                for (int year : List.of(DETAILS_YEAR, DISCOVERY_YEAR)) {
                    JsonNode progress = await().atMost(Duration.ofSeconds(90)).until(
                            () -> restarted.json(restarted.get("/api/import/years/" + year)),
                            answer -> answer.path("status").asText().equals("completed"));
                    Outcomes expected = Outcomes.expected(catalogue, year, restarted.context().getBean(QualityFilter.class));

                    assertThat(StoredEvents.of(events, "YearImportStarted").stream()
                            .filter(ofYear(year))).as("the run resumed, not started again").hasSize(1);
                    assertEveryMovieHasExactlyOneOutcome(events, year, expected);
                    assertNoPageRecordedTwice(events, year, catalogue);
                    assertThat(StoredEvents.of(events, "YearImportCompleted").stream().filter(ofYear(year)).toList())
                            .singleElement().satisfies(completed -> assertCounts(completed, expected));
                    assertCounts(progress, expected);
                    assertThat(progress.get("discovered").asInt()).isEqualTo(progress.get("imported").asInt()
                            + progress.get("skipped").asInt() + progress.get("failed").asInt());
                    assertThat(progress.get("pagesDone").asInt()).isEqualTo(progress.get("pagesTotal").asInt());
                }
                assertThat(events.sql("SELECT started_at::text FROM import_ledger_year WHERE year = :year")
                        .param("year", DETAILS_YEAR).query(String.class).single()).isEqualTo(detailsYearStartedAt);
            }
        }
    }

    /**
     * A node killed in the middle of a sweep of TMDb's export: the next start resumes it from the same export after
     * the last chunk it noted, and every movie the export lists ends with exactly one outcome, none fetched twice for
     * the sweep's sake.
     */
    @Test
    void aNodeKilledMidSweepResumesItFromTheSameExportAndRecordsEachMovieOnce() throws Exception {
        SandboxCatalogue catalogue = SandboxCatalogue.builder().year(DISCOVERY_YEAR, 300).build();
        try (TmdbSandboxServer tmdb = TmdbSandboxServer.start(catalogue)) {
            String[] node = node(tmdb);
            int noted;
            try (ChildApp killed = ChildApp.start(Path.of("target", "kill-and-restart", "killed-mid-sweep.log"), node)) {
                JdbcClient database = databaseOf(dataDir);
                assertThat(killed.postAsAdmin("/api/admin/imports/years/" + DISCOVERY_YEAR)).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> StoredEvents.of(database, "YearImportCompleted")
                        .size() == 1);
                // Slow enough that the polls see the sweep in the middle of the festival films TMDb lists too.
                tmdb.faults().latency(Duration.ofMillis(80));
                assertThat(killed.postAsAdmin("/api/admin/catalogue/sweep")).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> StoredEvents.of(database, "ExportSweepProgressed").size() >= 3);
                assertThat(killed.kill()).as("killed with SIGKILL").isEqualTo(KILLED_BY_SIGKILL);

                assertThat(StoredEvents.of(database, "ExportSweepCompleted")).as("killed mid-sweep").isEmpty();
                List<JsonNode> progress = StoredEvents.of(database, "ExportSweepProgressed");
                noted = progress.get(progress.size() - 1).get("throughId").asInt();
            }

            tmdb.faults().reset();
            try (RunningApp restarted = RunningApp.start(node)) {
                JdbcClient events = restarted.jdbc();
                JsonNode completed = await().atMost(Duration.ofSeconds(120)).until(
                        () -> StoredEvents.of(events, "ExportSweepCompleted"), all -> !all.isEmpty()).get(0);

                assertThat(StoredEvents.of(events, "ExportSweepStarted")).as("resumed, not started again").hasSize(1);
                assertThat(StoredEvents.of(events, "ExportRead")).as("the export's figures recorded once").hasSize(1);
                List<Integer> through = StoredEvents.of(events, "ExportSweepProgressed").stream()
                        .map(progressed -> progressed.get("throughId").asInt()).toList();
                assertThat(through).as("the resumed sweep goes on after where it got to").isSorted()
                        .doesNotHaveDuplicates().contains(noted);

                Set<Integer> listed = tmdb.exports().ids(tmdb.exports().newestDay()).stream()
                        .filter(id -> !catalogue.exportExtras().adult().contains(id)
                                && !catalogue.exportExtras().video().contains(id))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(completed.get("counted").asLong()).isEqualTo(listed.size());
                Map<Integer, Long> outcomesPerMovie = events.sql("""
                                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId')::int AS tmdb_id
                                  FROM domain_event_entry
                                 WHERE payload_type IN ('org.cinegraph.events.MovieImported',
                                                        'org.cinegraph.events.MovieSkipped',
                                                        'org.cinegraph.events.MovieImportFailed')""")
                        .query(Integer.class).list().stream()
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
                assertThat(outcomesPerMovie.keySet()).as("every counted movie has an outcome").containsAll(listed);
                assertThat(outcomesPerMovie.entrySet().stream().filter(movie -> movie.getValue() != 1).toList())
                        .as("movies with other than one outcome event").isEmpty();
                long sweptHere = StoredEvents.where(events, "MovieImported", "source", "export").size()
                        + StoredEvents.where(events, "MovieSkipped", "source", "export").size();
                assertThat(completed.get("newMovies").asLong()).isEqualTo(sweptHere);
                assertThat(completed.get("alreadyKnown").asLong())
                        .isEqualTo(catalogue.movieIds(DISCOVERY_YEAR).size() - catalogue.exportExtras().removed()
                                .stream().filter(catalogue.movieIds(DISCOVERY_YEAR)::contains).count());
            }
        }
    }

    /**
     * The incident this system exists for, at its worst: a node killed in the middle of a year's outcomes, a ceremony
     * and a list recorded before, and then every table dropped but the event store and Flyway's history, in every
     * schema. Started again, the node rebuilds every table from the events before anything resumes, finishes the year
     * with each movie's outcome recorded once and no page read twice, and answers for the ceremony and the list
     * exactly what it answered before the loss.
     */
    @Test
    void aNodeKilledMidYearThatLosesEveryTableButTheEventStoreFinishesExactlyOnceAndAnswersAsBefore() throws Exception {
        SandboxCatalogue catalogue = SandboxCatalogue.builder().year(DETAILS_YEAR, DETAILS_YEAR_MOVIES).build();
        try (TmdbSandboxServer tmdb = TmdbSandboxServer.start(catalogue);
             OscarsSandboxServer oscars = OscarsSandboxServer.start(OscarsNominations.bundled())) {
            String[] node = Stream.concat(Arrays.stream(node(tmdb)),
                    Stream.of("cinegraph.oscars.base-url=" + oscars.baseUrl())).toArray(String[]::new);
            Map<String, String> before = new LinkedHashMap<>();
            try (ChildApp killed = ChildApp.start(Path.of("target", "kill-and-restart", "every-table-lost.log"), node)) {
                JdbcClient database = databaseOf(dataDir);
                assertThat(killed.postAsAdmin("/api/admin/festivals/AMPAS/ceremonies/2024/import"))
                        .isEqualTo(202);
                assertThat(postCsvAsAdmin(killed.port(), "/api/admin/lists/lost-and-found",
                        "Const,Title,Year\ntt15398776,Oppenheimer,2023\ntt0000061,Zzq Nowhere,1901\n")).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> database.sql("""
                        SELECT (SELECT count(*) FROM festival_match WHERE status = 'pending')
                               + (SELECT count(*) FROM list_entry WHERE status = 'pending')""")
                        .query(Long.class).single() == 0);
                await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(killed.port()));
                for (String path : ANSWERS_KEPT) {
                    before.put(path, get(killed.port(), path));
                }

                assertThat(killed.postAsAdmin("/api/admin/imports/years/" + DETAILS_YEAR)).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> pagesRead(database, DETAILS_YEAR) == plannedPages(database, DETAILS_YEAR));
                tmdb.faults().latency(Duration.ofMillis(80));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> outcomes(database, DETAILS_YEAR) >= 100);
                assertThat(killed.kill()).as("killed with SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
                assertThat(outcomeEvents(database, DETAILS_YEAR)).as("killed while %s's movies got their outcomes",
                        DETAILS_YEAR).isBetween(100L, DETAILS_YEAR_MOVIES - 1L);

                List<String> dropped = database.sql("""
                        SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
                           AND tablename NOT IN ('domain_event_entry', 'snapshot_event_entry', 'flyway_schema_history')
                         ORDER BY 1""").query(String.class).list();
                assertThat(dropped).contains("public.import_ledger_outcome", "public.token_entry", "public.movies",
                        "projection_shape.movies");
                dropped.forEach(table -> database.sql("DROP TABLE " + table + " CASCADE").update());
            }

            tmdb.faults().reset();
            try (RunningApp restarted = RunningApp.start(node)) {
                JdbcClient events = restarted.jdbc();
                JsonNode progress = await().atMost(Duration.ofSeconds(120)).until(
                        () -> restarted.json(restarted.get("/api/import/years/" + DETAILS_YEAR)),
                        answer -> answer.path("status").asText().equals("completed"));
                Outcomes expected = Outcomes.expected(catalogue, DETAILS_YEAR,
                        restarted.context().getBean(QualityFilter.class));

                assertThat(StoredEvents.of(events, "YearImportStarted").stream().filter(ofYear(DETAILS_YEAR)))
                        .as("the run resumed, not started again").hasSize(1);
                assertEveryMovieHasExactlyOneOutcome(events, DETAILS_YEAR, expected);
                assertNoPageRecordedTwice(events, DETAILS_YEAR, catalogue);
                assertThat(StoredEvents.of(events, "YearImportCompleted").stream().filter(ofYear(DETAILS_YEAR))
                        .toList()).singleElement().satisfies(completed -> assertCounts(completed, expected));
                assertCounts(progress, expected);
                assertThat(StoredEvents.of(events, "CeremonyScraped")).as("the ceremony recorded once").hasSize(1);
                assertThat(StoredEvents.of(events, "CanonicalListImported")).as("the list recorded once").hasSize(1);

                await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(restarted.port()));
                for (String path : ANSWERS_KEPT) {
                    assertThat(restarted.get(path).body()).as(path).isEqualTo(before.get(path));
                }
                JsonNode tables = restarted.json(restarted.getAsAdmin("/api/admin/tables"));
                assertThat(elements(tables).map(table -> table.path("name").asText() + " "
                        + table.path("state").asText())).allMatch(table -> table.endsWith(" present"));
                assertThat(restarted.json(restarted.get("/api/sync/health")).path("status").asText())
                        .isNotEqualTo("error");
            }
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsItsDatabase() throws Exception {
        try (RunningApp first = RunningApp.start("cinegraph.data-dir=" + dataDir)) {

            assertThatThrownBy(() -> RunningApp.start("cinegraph.data-dir=" + dataDir).close())
                    .rootCause().hasMessageContaining("Another running Cinegraph instance uses the data directory");

            assertThat(first.postAsAdmin("/api/admin/imports/years/2017").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("/api/import/years/2017").statusCode() == 200);
        }
    }

    /** What the catalogue's movies of a year come to through the quality filter (no movie fails here). */
    private record Outcomes(Set<Integer> imported, Set<Integer> skipped) {

        static Outcomes expected(SandboxCatalogue catalogue, int year, QualityFilter quality) {
            ObjectMapper json = new ObjectMapper();
            Map<Boolean, Set<Integer>> byVerdict = catalogue.movieIds(year).stream().collect(Collectors.partitioningBy(
                    id -> {
                        try {
                            SandboxMovie movie = catalogue.movie(id).orElseThrow();
                            return quality.judge(json.readTree(MovieDetailsJson.withEverySection(catalogue, movie)))
                                    .passes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, Collectors.toCollection(TreeSet::new)));
            Outcomes outcomes = new Outcomes(byVerdict.get(true), byVerdict.get(false));
            assertThat(outcomes.imported()).as("movies of %s to import", year).isNotEmpty();
            assertThat(outcomes.skipped()).as("movies of %s to skip", year).isNotEmpty();
            return outcomes;
        }

        int discovered() {
            return imported.size() + skipped.size();
        }
    }

    /** The year's outcome events: one per movie of the catalogue's year, none for any other, of the right kind. */
    private static void assertEveryMovieHasExactlyOneOutcome(JdbcClient events, int year, Outcomes expected) {
        Map<Integer, Integer> eventsPerMovie = new HashMap<>();
        Map<String, Set<Integer>> moviesPerOutcome = new HashMap<>();
        OUTCOMES.forEach(outcome -> moviesPerOutcome.put(outcome, new TreeSet<>()));
        // Only the two fields, not the TMDb records the events carry.
        events.sql("""
                        SELECT substring(payload_type FROM '[^.]+$') AS outcome,
                               (convert_from(payload, 'UTF8')::jsonb ->> 'tmdbId')::int AS tmdb_id
                          FROM domain_event_entry
                         WHERE payload_type IN (:types)
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("types", OUTCOMES.stream().map(outcome -> "org.cinegraph.events." + outcome).toList())
                .param("year", year)
                .query((row, number) -> {
                    eventsPerMovie.merge(row.getInt("tmdb_id"), 1, Integer::sum);
                    return moviesPerOutcome.get(row.getString("outcome")).add(row.getInt("tmdb_id"));
                }).list();
        assertThat(eventsPerMovie.entrySet().stream().filter(movie -> movie.getValue() != 1).toList())
                .as("movies of %s with other than one outcome event", year).isEmpty();
        assertThat(moviesPerOutcome.get("MovieImported")).as("imported in %s", year).isEqualTo(expected.imported());
        assertThat(moviesPerOutcome.get("MovieSkipped")).as("skipped in %s", year).isEqualTo(expected.skipped());
        assertThat(moviesPerOutcome.get("MovieImportFailed")).as("failed in %s", year).isEmpty();
    }

    /** Each page of the year's plan recorded once, and together they list every movie of the year. */
    private static void assertNoPageRecordedTwice(JdbcClient events, int year, SandboxCatalogue catalogue) {
        List<JsonNode> pages = StoredEvents.of(events, "PageDiscovered").stream().filter(ofYear(year)).toList();
        List<String> keys = pages.stream().map(page -> page.get("window").get("from").asText() + " pass "
                + page.get("pass").asInt() + " page " + page.get("page").asInt()).toList();
        assertThat(keys).as("pages of %s", year).doesNotHaveDuplicates().hasSize((int) plannedPages(events, year));
        Set<Integer> listed = pages.stream().flatMap(page -> elements(page.get("movies")))
                .map(movie -> movie.get("tmdbId").asInt()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("movies listed on the pages of %s", year).isEqualTo(catalogue.movieIds(year));
    }

    private static void assertCounts(JsonNode counts, Outcomes expected) {
        assertThat(counts.get("discovered").asInt()).isEqualTo(expected.discovered());
        assertThat(counts.get("imported").asInt()).isEqualTo(expected.imported().size());
        assertThat(counts.get("skipped").asInt()).isEqualTo(expected.skipped().size());
        assertThat(counts.get("failed").asInt()).isZero();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Predicate<JsonNode> ofYear(int year) {
        return event -> event.path("year").asInt() == year;
    }

    private static long outcomeEvents(JdbcClient events, int year) {
        return events.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type IN (:types)
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("types", OUTCOMES.stream().map(outcome -> "org.cinegraph.events." + outcome).toList())
                .param("year", year).query(Long.class).single();
    }

    /** Outcomes the ledger holds for the year (cheaper to poll than the events, appended in the same transaction). */
    private static long outcomes(JdbcClient events, int year) {
        return events.sql("SELECT count(*) FROM import_ledger_outcome WHERE year = :year").param("year", year)
                .query(Long.class).single();
    }

    private static long pagesRead(JdbcClient events, int year) {
        return events.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.PageDiscovered'
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("year", year).query(Long.class).single();
    }

    /** The pages of the year's plan, over all its date windows; -1 before the plan is recorded. */
    private static long plannedPages(JdbcClient events, int year) {
        return StoredEvents.of(events, "YearImportPlanned").stream().filter(ofYear(year))
                .reduce((first, later) -> later).map(planned -> elements(planned.get("windows"))
                        .mapToLong(window -> window.get("totalPages").asLong()).sum())
                .orElse(-1L);
    }

    /**
     * The embedded database of the node whose data directory this is, reached as the node reaches it. Each query
     * opens a connection of its own and closes it, so none is left to hold up the server's shutdown at the next
     * start.
     */
    private static JdbcClient databaseOf(Path dataDir) throws IOException {
        // postmaster.pid: the server's pid, its data directory, its start time, then its port.
        List<String> postmaster = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setServerNames(new String[] {"127.0.0.1"});
        database.setPortNumbers(new int[] {Integer.parseInt(postmaster.get(3).trim())});
        database.setDatabaseName("postgres");
        database.setUser("postgres");
        database.setPassword(Files.readString(dataDir.resolve("postgres.password")).trim());
        return JdbcClient.create(database);
    }

    private boolean orphanedPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * A node on this test's data directory reading the sandbox {@code tmdb}, which stands outside it and outlives it,
     * fast, with its schedule off.
     */
    private String[] node(TmdbSandboxServer tmdb) {
        return new String[] {
                "cinegraph.data-dir=" + dataDir,
                "cinegraph.sandbox.enabled=false",
                "cinegraph.tmdb.base-url=" + tmdb.baseUrl(),
                "cinegraph.tmdb.api-token=kill-and-restart",
                "cinegraph.tmdb.requests-per-second=1000",
                "cinegraph.tmdb.max-connections=16",
                "cinegraph.schedule.enabled=false",
                "cinegraph.tmdb.exports-base-url=" + tmdb.exportsBaseUrl(),
                // The restarted process is another node to the claims; the killed one's claims must run out
                // before it takes the years over, so they are short.
                "cinegraph.import.lease=PT5S"};
    }

    /** What the lost tables' test compares before the loss and after the node rebuilt everything. */
    private static final List<String> ANSWERS_KEPT = List.of("/api/festivals", "/api/festivals/AMPAS/ceremonies",
            "/api/festivals/AMPAS/ceremonies/2024", "/api/lists/lost-and-found",
            "/api/lists/lost-and-found?status=not_found", "/api/import/failures?source=festival:AMPAS",
            "/api/import/failures?source=list:lost-and-found");

    /** Whether every projection of the node has caught up with the event store and none is being replayed. */
    private static boolean caughtUp(int port) throws IOException, InterruptedException {
        JsonNode projections = new ObjectMapper().readTree(get(port, "/api/projections"));
        return projections.size() > 0 && elements(projections).allMatch(projection ->
                projection.path("caughtUp").asBoolean() && !projection.path("replaying").asBoolean());
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int postCsvAsAdmin(int port, String path, String csv) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
