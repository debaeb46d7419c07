package org.cinegraph.query.festivals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationRef;
import org.cinegraph.events.NominationWithdrawn;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A nomination's key is computed in Java; the rows of databases written before were keyed by this SQL, which both
 * sides' tables used. The two must agree on any text a ceremony page may hold, or those rows would never be found
 * again.
 */
class NominationKeyTest {

    private static final String SQL_KEY = "md5(concat_ws(chr(1), COALESCE(:film, ''), "
            + "array_to_string(CAST(:names AS text[]), chr(2)), COALESCE(:detail, '')))";
    private static final List<NominationRef> ODD = List.of(
            new NominationRef("AMPAS", 1929, "Outstanding Picture", "Wings", List.of(), null),
            new NominationRef("AMPAS", 1929, "Actor", null, List.of("Emil Jannings"), "The Last Command"),
            new NominationRef("AMPAS", 2024, "Best Original Song", "Barbie",
                    List.of("Billie Eilish", "Finneas O'Connell"), "What Was I Made For?"),
            new NominationRef("AMPAS", 2003, "Foreign Language Film", "Amélie", List.of("France"), ""),
            new NominationRef("AMPAS", 2001, "Foreign Language Film", "臥虎藏龍 (Crouching Tiger, Hidden Dragon)",
                    List.of("Taiwan", ""), "武侠"),
            new NominationRef("AMPAS", 2020, "Best Picture", "Parasite 🎬 \"기생충\"",
                    List.of("Kwak Sin Ae, Bong Joon Ho; Producers"), "50% \\ 'quoted' _under_ \t tab\nline"),
            new NominationRef("AMPAS", 1940, "Best Picture", "", List.of("", ""), null));

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();
    private final FestivalsProjection projection = new FestivalsProjection(jdbc);

    @BeforeEach
    void startEmpty() {
        projection.reset();
    }

    @Test
    void theJavaKeyIsTheSqlKeyOfEveryNomination() {
        for (NominationRef nomination : ODD) {
            assertThat(nomination.key()).as(nomination.toString()).isEqualTo(sqlKey(nomination));
        }
    }

    @Test
    void rowsKeyedByTheSqlAreFoundByTheirEvents() {
        for (NominationRef nomination : ODD) {
            insertKeyedBySql(nomination);
        }

        for (NominationRef nomination : ODD) {
            projection.on(recorded(nomination, true));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM festival_nominations WHERE winner").query(Integer.class).single())
                .as("recorded again, each row is the one there was").isEqualTo(ODD.size());
        assertThat(count()).isEqualTo(ODD.size());

        NominationRef matched = ODD.get(4);
        projection.on(new NominationMatched(matched.organization(), matched.year(), matched.category(),
                matched.film(), matched.names(), matched.detail(), 146, null, NominationMatched.BY_SEARCH));
        assertThat(jdbc.sql("SELECT tmdb_id FROM festival_nominations WHERE film = :film")
                .param("film", matched.film()).query(Integer.class).single()).isEqualTo(146);

        for (NominationRef nomination : ODD) {
            projection.on(new NominationWithdrawn(nomination.organization(), nomination.year(),
                    nomination.category(), nomination.film(), nomination.names(), nomination.detail()));
        }
        assertThat(count()).isZero();
    }

    private String sqlKey(NominationRef nomination) {
        return jdbc.sql("SELECT " + SQL_KEY).param("film", nomination.film())
                .param("names", nomination.names().toArray(String[]::new)).param("detail", nomination.detail())
                .query(String.class).single();
    }

    /** A row as the projection wrote it while the key was computed in SQL. */
    private void insertKeyedBySql(NominationRef nomination) {
        jdbc.sql("""
                        INSERT INTO festival_nominations (organization, year, category, nomination_key, film, names,
                                                          detail, winner, position)
                        VALUES (:organization, :year, :category, %s, :film, CAST(:names AS text[]), :detail, false,
                                :position)""".formatted(SQL_KEY))
                .param("organization", nomination.organization()).param("year", nomination.year())
                .param("category", nomination.category()).param("film", nomination.film())
                .param("names", nomination.names().toArray(String[]::new)).param("detail", nomination.detail())
                .param("position", count() + 1).update();
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM festival_nominations").query(Integer.class).single();
    }

    private static NominationRecorded recorded(NominationRef nomination, boolean winner) {
        return new NominationRecorded(nomination.organization(), nomination.year(), nomination.category(),
                nomination.film(), nomination.names(), nomination.detail(), winner);
    }
}
