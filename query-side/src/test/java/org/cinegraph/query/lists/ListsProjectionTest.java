package org.cinegraph.query.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.ListEntryNotFound;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ListsProjectionTest {

    private static final String LIST = "afi-100";
    private static final String IMDB_ID = "tt0034583";

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final ListsProjection projection = new ListsProjection(jdbc);
    private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void oneMemberPending() {
        projection.reset();
        projection.on(new CanonicalListImported(LIST, "hash", List.of(new ListEntry(IMDB_ID, "Casablanca", 1942))),
                at);
    }

    @Test
    void aFindGivenAgainCountsOneAttempt() {
        ListEntryFound found = new ListEntryFound(LIST, IMDB_ID, 289, ListEntryFound.BY_FIND);
        projection.on(found);
        projection.on(found);

        assertThat(member()).isEqualTo("found 289 1 null");
    }

    @Test
    void aLookupInVainGivenAgainAfterALaterOneChangesNothing() {
        ListEntryNotFound first = notFound(1, "http_error");
        projection.on(first);
        projection.on(notFound(2, "not_found"));
        projection.on(first);

        assertThat(member()).isEqualTo("not_found null 2 not_found");
    }

    @Test
    void aLookupInVainGivenAgainAfterTheFindLeavesTheMemberFound() {
        ListEntryNotFound inVain = notFound(1, "http_error");
        projection.on(inVain);
        projection.on(new ListEntryFound(LIST, IMDB_ID, 289, ListEntryFound.BY_FIND));
        projection.on(inVain);

        assertThat(member()).isEqualTo("found 289 2 null");
    }

    private ListEntryNotFound notFound(int attempt, String reason) {
        return new ListEntryNotFound(LIST, IMDB_ID, "Casablanca", 1942, reason, attempt, "TMDb said no");
    }

    private String member() {
        return jdbc.sql("""
                        SELECT concat_ws(' ', status, coalesce(CAST(tmdb_id AS text), 'null'), attempts,
                                         coalesce(reason, 'null'))
                          FROM canonical_list_members WHERE list_key = :key AND imdb_id = :imdbId""")
                .param("key", LIST).param("imdbId", IMDB_ID).query(String.class).single();
    }
}
