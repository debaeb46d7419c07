package org.cinegraph.sandbox.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinegraph.sandbox.SandboxHttp.assertTmdbError;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cinegraph.sandbox.SandboxHttp;
import org.cinegraph.sandbox.SandboxHttp.Reply;
import org.cinegraph.sandbox.TmdbSandboxServer;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /movie/changes}: TMDb's change feed, and details that show each edit. */
class ChangeFeedEndpointTest {

    private TmdbSandboxServer server;
    private SandboxHttp http;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void startSandbox() {
        server = TmdbSandboxServer.start(SandboxCatalogue.defaultCatalogue(today.getYear()));
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    @Test
    void theFeedListsEveryMovieEditedInTheDaysAskedByIdAHundredAPage() {
        LocalDate from = today.minusDays(13);
        List<Integer> expected = new ArrayList<>();
        for (int year : server.catalogue().years()) {
            for (int id : server.catalogue().movieIds(year)) {
                if (server.changes().editedBetween(id, from, today)) {
                    expected.add(id);
                }
            }
        }
        expected.sort(Integer::compare);

        List<Integer> listed = new ArrayList<>();
        Reply first = changes(from, today, 1);
        int totalPages = first.body().get("total_pages").asInt();
        assertThat(first.body().get("total_results").asInt()).isEqualTo(expected.size());
        for (int page = 1; page <= totalPages; page++) {
            JsonNode results = changes(from, today, page).body().get("results");
            assertThat(results.size()).isLessThanOrEqualTo(ChangesHandler.PAGE_SIZE);
            results.forEach(result -> listed.add(result.get("id").asInt()));
        }

        // Some movies are edited in any fortnight of the year (one day in forty each), not all of them.
        assertThat(expected).isNotEmpty().hasSizeLessThan(server.catalogue().totalMovies());
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void anEditIsInTodaysFeedAndChangesTheDetailsRevenueAndNothingElse() {
        int id = server.catalogue().movieIds(today.getYear()).iterator().next();
        JsonNode before = http.get("/movie/" + id).body();

        server.changes().edit(id);

        JsonNode after = http.get("/movie/" + id).body();
        assertThat(after.get("revenue").asLong())
                .isEqualTo(before.get("revenue").asLong() + SandboxChanges.REVENUE_PER_EDIT);
        ((ObjectNode) before).remove("revenue");
        ((ObjectNode) after).remove("revenue");
        assertThat(after).isEqualTo(before);
        assertThat(StreamSupport.stream(changes(today, today, 1).body().get("results").spliterator(), false)
                .map(result -> result.get("id").asInt())).contains(id);
    }

    @Test
    void aRangeOfMoreThanFourteenDaysOrABadDateIsRefusedAsTmdbDoes() {
        Reply tooLong = changes(today.minusDays(15), today, 1);
        assertThat(tooLong.status()).isEqualTo(422);

        Reply badDate = http.get("/movie/changes?start_date=yesterday");
        assertThat(badDate.status()).isEqualTo(422);
        assertTmdbError(badDate, 23, "Invalid date: Format needs to be YYYY-MM-DD.");
    }

    private Reply changes(LocalDate from, LocalDate to, int page) {
        return http.get("/movie/changes?start_date=" + from + "&end_date=" + to + "&page=" + page);
    }
}
