package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.node.BackgroundActions;
import org.cinegraph.command.tables.DerivedTables;
import org.cinegraph.events.MovieImported;
import org.cinegraph.sandbox.OscarsSandboxServer;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The festival and list tables rebuilt from the events, after a history made through the application: ceremonies
 * that failed, failed again and were read at last; a ceremony read three times, its films renamed, its winner
 * changed, one nomination withdrawn and recorded again, one matched by a movie imported later; nominations left
 * untried by refused credentials; lists uploaded, uploaded again changed and unchanged, members found, not found,
 * retried, and found by a later import. Kept or dropped, each table holds the rows the live code wrote, and the live
 * code goes on from them.
 *
 * <p>An application of its own (quick oscars.org and TMDb): the rebuilds empty tables every class of the shared
 * application reads, and a whole table is compared, which another class's events would spoil.
 */
@ApplicationTest
@TestPropertySource(properties = {
        "cinegraph.oscars.requests-per-second=100",
        "cinegraph.oscars.retry-backoff=10ms",
        "cinegraph.tmdb.requests-per-second=2000",
        "cinegraph.tmdb.retry.initial-backoff=10ms",
        "cinegraph.tmdb.retry.max-backoff=50ms"})
class FestivalAndListTablesRebuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each table and the order its rows are compared in (its primary key). */
    private static final Map<String, String> FESTIVAL_TABLES = Map.of(
            "festival_match", "organization, year, category, nomination_key",
            "festival_ceremony_failure", "organization, year");
    private static final Map<String, String> LIST_TABLES = Map.of("list_entry", "list_key, imdb_id");

    /** A ceremony that never reads: no page, then still none after the rebuild, then a page. */
    private static final int STILL_FAILED = 1946;
    /** A ceremony that failed twice and read the third time. */
    private static final int RESOLVED = 1947;
    /** A ceremony read three times, changed in between. */
    private static final int CHANGED = 1980;
    /** A ceremony read while TMDb refused the credentials: its nominations never tried. */
    private static final int UNTRIED = 2005;
    private static final String KRAMER = "Kramer vs. Kramer";
    private static final String RENAMED = "Zzq Renamed Picture";
    private static final String CHINA = "The China Syndrome";
    private static final String NEVER_FOUND = "Zzq Never Found Picture";
    private static final String ODD_NAME = "Zzq \"Quoted\" \\ Name, {Braced}";
    /** How the sandbox's page writes a nomination's people, and its film. */
    private static final String ENTITIES = "<div class=\"field\"><div class=\"field field--name-field-award-entities "
            + "field__items\"><div class=\"field__item\">";
    private static final String FILM = "<div class=\"field\"><div class=\"field field--name-field-award-film "
            + "field__item\">";

    private static final String HEADER = "Position,Const,Created,Modified,Description,Title,URL,Title Type,"
            + "IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n";
    private static final String OPPENHEIMER = "tt15398776,2024-03-11,,,Oppenheimer,,Movie,8.3,180,2023,,,,\n";
    private static final String PAST_LIVES = "tt13238346,2024-03-11,,,Past Lives,,Movie,7.8,105,2023,,,,\n";
    private static final String LATER = "tt0000081,,,,Zzq Listed Later,,Movie,,,1950,,,,\n";
    private static final String NOWHERE = "tt0000082,,,,Zzq Listed Nowhere,,Movie,,,1951,,,,\n";
    private static final String JOINED = "tt0000083,,,,Zzq Joined Later,,Movie,,,1952,,,,\n";
    private static final String UNLOOKED = "tt0000084,,,,Zzq Never Looked Up,,Movie,,,1953,,,,\n";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private OscarsSandboxServer oscars;
    @Autowired
    private TmdbSandboxServer tmdb;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventGateway events;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private BackgroundActions background;
    @Autowired
    private DerivedTables derivedTables;

    @AfterEach
    void sandboxesRecover() {
        tmdb.faults().reset();
        List.of(STILL_FAILED, RESOLVED, CHANGED).forEach(oscars::restorePage);
    }

    @Test
    void theFestivalTablesAreRebuiltToTheRowsTheCeremoniesWroteAndTheImportsGoOnFromThem() {
        // A range whose two ceremonies fail; the admin's imports fail once more; one reads when its page is back.
        oscars.replacePage(STILL_FAILED, 404, "<html><body><h1>Page not found</h1></body></html>");
        oscars.replacePage(RESOLVED, 503, "<html><body><h1>Service unavailable</h1></body></html>");
        assertThat(admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/import?from=" + STILL_FAILED
                + "&to=" + RESOLVED, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitIdle("Reading a range of ceremonies");
        // Not a 503: the test's HTTP client would send the admin's request again on its own.
        oscars.replacePage(RESOLVED, 200, "<html><body><p>Maintenance</p></body></html>");
        assertThat(importCeremony(RESOLVED).getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(importCeremony(STILL_FAILED).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        oscars.restorePage(RESOLVED);
        assertThat(importCeremony(RESOLVED).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ceremonyEvents("CeremonyImportFailed", RESOLVED)).hasSize(2);
        assertThat(ceremonyEvents("CeremonyImportResolved", RESOLVED)).hasSize(1);

        // A ceremony read, then read with two films renamed and its first winner changed (the renamed films'
        // nominations withdrawn, their new ones recorded and not matched, the changed winner's recorded again);
        // a movie imported later matches one renamed film; read a third time with one nomination named back.
        String page = http.getForObject(oscars.baseUrl() + "/oscars/ceremonies/" + CHANGED, String.class);
        assertThat(page).contains(KRAMER, CHINA);
        assertThat(importCeremony(CHANGED).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // Besides, one nomination loses its film and its people, and another's person is named in characters an
        // array's text escapes.
        String renamed = page.replace(KRAMER, RENAMED).replace(CHINA, NEVER_FOUND).replace("Melvyn Douglas", ODD_NAME)
                .replaceFirst(Pattern.quote(ENTITIES + "Art Direction: Michael Seymour") + "[^<]*</div></div></div>\n"
                        + Pattern.quote(FILM + "Alien</div></div>\n"), "")
                .replaceFirst("honoree-type winner\">Winner", "honoree-type nominee\">N")
                .replaceFirst("honoree-type nominee\">Nominees", "honoree-type winner\">Winner");
        assertThat(renamed).doesNotContain("Art Direction: Michael Seymour");
        oscars.replacePage(CHANGED, 200, renamed);
        assertThat(importCeremony(CHANGED).getBody().get("unmatched").asInt()).isPositive();
        imported(987_654_801, "tt0000071", RENAMED, LocalDate.of(1979, 12, 19));
        oscars.replacePage(CHANGED, 200, renamed.replaceFirst(RENAMED, KRAMER));
        assertThat(importCeremony(CHANGED).getBody().get("changes").asInt()).isEqualTo(2);

        // Every open nomination tried again: the unmatched ones fail a second time; the failed ceremony a third.
        retry("festival:AMPAS");
        // A ceremony whose nominations are never tried: TMDb refuses the credentials while it is read.
        tmdb.faults().unauthorized(true);
        assertThat(importCeremony(UNTRIED).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        tmdb.faults().unauthorized(false);

        Map<String, List<String>> live = rows(FESTIVAL_TABLES);
        // What a rebuild has to get right is there to be got wrong.
        assertThat(jdbc.sql("SELECT DISTINCT status FROM festival_match").query(String.class).list())
                .containsExactlyInAnyOrder("pending", "matched", "unmatched", "no_film");
        assertThat(count("status = 'unmatched' AND attempts > 1 AND film = '" + NEVER_FOUND + "'")).isPositive();
        assertThat(count("status = 'pending' AND imdb_id IS NOT NULL AND year = " + UNTRIED)).isPositive();
        assertThat(count("status = 'no_film' AND film IS NULL AND cardinality(names) = 0")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM festival_match WHERE names = ARRAY[CAST(:name AS text)]")
                .param("name", ODD_NAME).query(Long.class).single()).isEqualTo(1);
        assertThat(count("status = 'matched' AND film = '" + RENAMED + "' AND tmdb_id = 987654801"
                + " AND imdb_id = 'tt0000071'")).isPositive();
        assertThat(count("film = '" + KRAMER + "' AND year = " + CHANGED)).as("named back").isEqualTo(1);
        assertThat(count("film = '" + CHINA + "' AND year = " + CHANGED)).as("withdrawn").isZero();
        assertThat(live.get("festival_ceremony_failure")).containsExactly(
                "{\"organization\":\"AMPAS\",\"year\":" + STILL_FAILED + ",\"attempts\":3}");

        assertThat(derivedTables.rebuild(List.copyOf(FESTIVAL_TABLES.keySet())))
                .containsEntry("festival_match", (long) live.get("festival_match").size())
                .containsEntry("festival_ceremony_failure", 1L);
        assertThat(rows(FESTIVAL_TABLES)).as("rebuilt").isEqualTo(live);
        FESTIVAL_TABLES.keySet().forEach(table -> jdbc.sql("DROP TABLE " + table).update());
        derivedTables.rebuild(List.copyOf(FESTIVAL_TABLES.keySet()));
        assertThat(rows(FESTIVAL_TABLES)).as("rebuilt after a drop").isEqualTo(live);

        // The ceremony read again unchanged records nothing.
        long recorded = events("NominationRecorded").size();
        assertThat(importCeremony(CHANGED).getBody().get("changes").asInt()).isZero();
        assertThat(events("NominationRecorded")).hasSize((int) recorded);
        // The renamed film imported now matches each of its open nominations, once.
        long neverFound = count("film = '" + NEVER_FOUND + "'");
        imported(987_654_802, "tt0000072", NEVER_FOUND, LocalDate.of(1979, 3, 16));
        assertThat(events("NominationMatched").stream().filter(event -> NEVER_FOUND.equals(event.path("film")
                .asText()))).hasSize((int) neverFound);
        assertThat(count("film = '" + NEVER_FOUND + "' AND status = 'matched' AND tmdb_id = 987654802"))
                .isEqualTo(neverFound);
        // The ceremony that still fails counts one more attempt of its failure; read at last, it is resolved once.
        assertThat(importCeremony(STILL_FAILED).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ceremonyEvents("CeremonyImportFailed", STILL_FAILED)).extracting(event -> event.get("attempt")
                .asInt()).containsExactly(1, 2, 3, 4);
        oscars.restorePage(STILL_FAILED);
        assertThat(importCeremony(STILL_FAILED).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ceremonyEvents("CeremonyImportResolved", STILL_FAILED)).hasSize(1);
        // A retry tries the nominations never tried (a first attempt each) and those that failed (one more).
        retry("festival:AMPAS");
        assertThat(events("NominationMatched").stream().filter(event -> event.get("year").asInt() == UNTRIED))
                .isNotEmpty();
        assertThat(count("status = 'pending'")).isZero();
        assertNominationsTriedOnceAtATime();

        Map<String, List<String>> continued = rows(FESTIVAL_TABLES);
        assertThat(continued).isNotEqualTo(live);
        derivedTables.rebuild(List.copyOf(FESTIVAL_TABLES.keySet()));
        assertThat(rows(FESTIVAL_TABLES)).as("rebuilt after the imports went on").isEqualTo(continued);
    }

    @Test
    void theListTableIsRebuiltToTheRowsTheUploadsWroteAndTheLookupsGoOnFromIt() {
        // A list: a member found, three not; one found by a movie imported later; retried; uploaded again changed
        // (reordered, a member left, one joined), again with the member that left back, and again unchanged.
        assertThat(upload("rebuild-best", 1, OPPENHEIMER, PAST_LIVES, LATER, NOWHERE).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitIdle("Looking list rebuild-best up");
        imported(987_654_811, LATER.substring(0, 9), "Zzq Listed Later", LocalDate.of(1950, 5, 1));
        retry("list:rebuild-best");
        assertThat(upload("rebuild-best", 1, LATER, OPPENHEIMER, JOINED, PAST_LIVES).getBody().get("removed")
                .asInt()).isEqualTo(1);
        awaitIdle("Looking list rebuild-best up");
        assertThat(upload("rebuild-best", 1, LATER, OPPENHEIMER, JOINED, PAST_LIVES, NOWHERE).getBody().get("added")
                .asInt()).isEqualTo(1);
        awaitIdle("Looking list rebuild-best up");
        assertThat(upload("rebuild-best", 1, LATER, OPPENHEIMER, JOINED, PAST_LIVES, NOWHERE).getBody()
                .get("changed").asBoolean()).isFalse();
        // A list looked up while TMDb refuses the credentials: a member known already, one never looked up.
        tmdb.faults().unauthorized(true);
        assertThat(upload("rebuild-pending", 1, OPPENHEIMER, UNLOOKED).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitIdle("Looking list rebuild-pending up");
        tmdb.faults().unauthorized(false);

        Map<String, List<String>> live = rows(LIST_TABLES);
        assertThat(jdbc.sql("SELECT DISTINCT status FROM list_entry").query(String.class).list())
                .containsExactlyInAnyOrder("pending", "found", "not_found");
        assertThat(entry("rebuild-best", "tt13238346")).as("Past Lives, retried")
                .contains("\"position\":3", "\"status\":\"not_found\"", "\"attempts\":2");
        assertThat(entry("rebuild-best", "tt0000081")).as("found by a later import")
                .contains("\"position\":0", "\"status\":\"found\"", "\"tmdb_id\":987654811", "\"attempts\":2");
        assertThat(entry("rebuild-best", "tt0000082")).as("left the list and joined it again")
                .contains("\"position\":4", "\"status\":\"not_found\"", "\"attempts\":1");
        assertThat(entry("rebuild-pending", "tt0000084")).contains("\"status\":\"pending\"", "\"attempts\":0");

        assertThat(derivedTables.rebuild(List.copyOf(LIST_TABLES.keySet())))
                .containsEntry("list_entry", (long) live.get("list_entry").size());
        assertThat(rows(LIST_TABLES)).as("rebuilt").isEqualTo(live);
        jdbc.sql("DROP TABLE list_entry").update();
        derivedTables.rebuild(List.copyOf(LIST_TABLES.keySet()));
        assertThat(rows(LIST_TABLES)).as("rebuilt after a drop").isEqualTo(live);

        // The same list uploaded again records nothing.
        long uploads = events("CanonicalListImported").size();
        assertThat(upload("rebuild-best", 1, LATER, OPPENHEIMER, JOINED, PAST_LIVES, NOWHERE).getBody()
                .get("changed").asBoolean()).isFalse();
        assertThat(events("CanonicalListImported")).hasSize((int) uploads);
        // The member that joined is found by its movie's import, once.
        imported(987_654_812, JOINED.substring(0, 9), "Zzq Joined Later", LocalDate.of(1952, 5, 1));
        assertThat(events("ListEntryFound").stream().filter(event -> "tt0000083".equals(event.get("imdbId").asText())))
                .singleElement().satisfies(event -> assertThat(event.get("method").asText()).isEqualTo("imported"));
        // Retried: the members not found fail once more, the one never looked up for the first time.
        retry("list:rebuild-best");
        retry("list:rebuild-pending");
        assertThat(events("ListEntryNotFound").stream().filter(event -> "tt13238346".equals(event.get("imdbId")
                .asText())).map(event -> event.get("attempt").asInt())).containsExactly(1, 2, 3);
        assertThat(events("ListEntryNotFound").stream().filter(event -> "tt0000082".equals(event.get("imdbId")
                .asText())).map(event -> event.get("attempt").asInt())).containsExactly(1, 2, 1, 2);
        assertThat(events("ListEntryNotFound").stream().filter(event -> "tt0000084".equals(event.get("imdbId")
                .asText())).map(event -> event.get("attempt").asInt())).containsExactly(1);

        Map<String, List<String>> continued = rows(LIST_TABLES);
        assertThat(continued).isNotEqualTo(live);
        derivedTables.rebuild(List.copyOf(LIST_TABLES.keySet()));
        assertThat(rows(LIST_TABLES)).as("rebuilt after the lookups went on").isEqualTo(continued);
    }

    /** Each table's rows as JSON, in the order of its primary key. */
    private Map<String, List<String>> rows(Map<String, String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        tables.forEach((table, order) -> rows.put(table, jdbc.sql("SELECT row_to_json(t)::text FROM " + table
                + " t ORDER BY " + order).query(String.class).list()));
        return rows;
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM festival_match WHERE " + where).query(Long.class).single();
    }

    /** The list's member's row as JSON; null when it has none. */
    private String entry(String key, String imdbId) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM list_entry t WHERE list_key = :key AND imdb_id = :imdbId")
                .param("key", key).param("imdbId", imdbId).query(String.class).optional().orElse(null);
    }

    /** Imported as the importer imports: its outcome in the ledger, its event in the same transaction. */
    private void imported(int tmdbId, String imdbId, String title, LocalDate released) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO import_ledger_outcome (tmdb_id, outcome, attempts, recorded_at, source,
                                                               imdb_id, title_key, release_year)
                            VALUES (:tmdbId, 'imported', 1, now(), 'year_import', :imdbId, lower(:title), :year)""")
                    .param("tmdbId", tmdbId).param("imdbId", imdbId).param("title", title)
                    .param("year", released.getYear()).update();
            events.publish(new MovieImported(tmdbId, imdbId, title, released, null, "year_import",
                    "{\"id\":" + tmdbId + "}"));
        });
    }

    private ResponseEntity<JsonNode> importCeremony(int year) {
        return admin().postForEntity("/api/admin/festivals/AMPAS/ceremonies/" + year + "/import", null,
                JsonNode.class);
    }

    /** Uploads the list, its members numbered from {@code first}, once no lookup of it runs. */
    private ResponseEntity<JsonNode> upload(String key, int first, String... members) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < members.length; i++) {
            csv.append(first + i).append(',').append(members[i]);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().exchange(RequestEntity.post(URI.create("/api/admin/lists/" + key))
                        .contentType(MediaType.parseMediaType("text/csv")).body(body), JsonNode.class),
                answer -> answer.getStatusCode() != HttpStatus.CONFLICT);
    }

    /** Retries every failure of the source, and waits for the retry to end. */
    private void retry(String source) {
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> admin().postForEntity(
                        "/api/admin/failures/retry?source=" + source, null, JsonNode.class).getStatusCode(),
                status -> status != HttpStatus.CONFLICT)).isEqualTo(HttpStatus.ACCEPTED);
        awaitIdle("Retrying failures");
    }

    /** Waits until no background action of this name runs or waits: none can be reserved while one does. */
    private void awaitIdle(String action) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> background
                .reserve(action, action).map(reservation -> {
                    reservation.cancel();
                    return true;
                }).orElse(false));
    }

    private List<JsonNode> ceremonyEvents(String type, int year) {
        return events(type).stream().filter(event -> event.get("year").asInt() == year).toList();
    }

    /** The events of one type, in the store's order, as JSON. */
    private List<JsonNode> events(String type) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE payload_type = :type ORDER BY global_index""")
                .param("type", "org.cinegraph.events." + type).query(String.class).list().stream()
                .map(FestivalAndListTablesRebuildTest::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the nominations' events in the store's order: a nomination open (recorded, or recorded again after it
     * was withdrawn) is matched at most once, and its failures count its attempts one by one.
     */
    private void assertNominationsTriedOnceAtATime() {
        Map<String, Integer> attempts = new HashMap<>();
        Map<String, Boolean> matched = new HashMap<>();
        List<Map<String, Object>> stored = jdbc.sql("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry
                         WHERE payload_type IN ('org.cinegraph.events.NominationMatched',
                                                'org.cinegraph.events.NominationMatchFailed',
                                                'org.cinegraph.events.NominationWithdrawn')
                         ORDER BY global_index""").query().listOfRows();
        for (Map<String, Object> row : stored) {
            JsonNode event = json((String) row.get("payload"));
            String nomination = nomination(event);
            switch (((String) row.get("payload_type")).substring("org.cinegraph.events.".length())) {
                case "NominationWithdrawn" -> {
                    attempts.remove(nomination);
                    matched.remove(nomination);
                }
                case "NominationMatched" -> {
                    assertThat(matched.put(nomination, true)).as("matched twice: " + nomination).isNull();
                    attempts.merge(nomination, 1, Integer::sum);
                }
                default -> {
                    assertThat(matched).as("failed once matched: " + nomination).doesNotContainKey(nomination);
                    assertThat(event.get("attempt").asInt()).as(nomination)
                            .isEqualTo(attempts.merge(nomination, 1, Integer::sum));
                }
            }
        }
    }

    /** A nomination, as its events name it. */
    private static String nomination(JsonNode event) {
        return event.get("year").asInt() + " " + event.get("category").asText() + " " + event.path("film").asText()
                + " " + event.get("names") + " " + event.path("detail").asText();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ApplicationTest.ADMIN_PASSWORD);
    }
}
