package org.cinegraph.command.festival;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.cinegraph.command.ledger.GuardedEvents;
import org.cinegraph.command.tmdb.TitleKey;
import org.cinegraph.events.NominationMatchFailed;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.NominationRef;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which recorded nominations are matched to a movie (V13, {@code festival_match}). A match or a failure to
 * match is appended as an event in the same transaction as the row that records it, and only while the
 * nomination is still open, so two matchings of one nomination (a retry beside a later import, two nodes) record
 * one match.
 */
@Repository
class MatchLedger {

    /** A nomination is known by its category and its key, as the projection knows it. */
    private static final String NOMINATION =
            "organization = :organization AND year = :year AND category = :category AND nomination_key = :key";
    static final String OPEN = "status IN ('pending', 'unmatched')";
    private static final String COLUMNS = "organization, year, category, film, names, detail, film_year, imdb_id, "
            + "attempts";

    private final JdbcClient jdbc;
    private final GuardedEvents guarded;

    MatchLedger(JdbcClient jdbc, GuardedEvents guarded) {
        this.jdbc = jdbc;
        this.guarded = guarded;
    }

    /** A nomination was recorded (or recorded again, its winner changed): it is open, unless known already. */
    void recorded(NominationRecorded event, String imdbId) {
        insertRecorded(jdbc, List.of(new RecordedNomination(NominationRef.of(event), imdbId)));
    }

    void withdrawn(NominationWithdrawn event) {
        deleteWithdrawn(jdbc, List.of(NominationRef.of(event)));
    }

    /**
     * Writes the rows of recorded nominations, never tried, in one statement; a nomination that has a row keeps
     * it (recorded again, its winner changed, it is the same nomination).
     */
    static void insertRecorded(JdbcClient jdbc, Collection<RecordedNomination> nominations) {
        List<NominationRef> refs = nominations.stream().map(RecordedNomination::nomination).toList();
        keys(jdbc.sql("""
                        INSERT INTO festival_match (organization, year, category, nomination_key, film, names, detail,
                                                    film_key, film_year, imdb_id, status, attempts)
                        SELECT n.organization, n.year, n.category, n.key, n.film,
                               CAST(n.names AS text[]), n.detail, n.film_key, n.film_year, n.imdb_id,
                               CASE WHEN n.film_key IS NULL THEN 'no_film' ELSE 'pending' END, 0
                          FROM unnest(CAST(:organizations AS text[]), CAST(:years AS int[]),
                                      CAST(:categories AS text[]), CAST(:keys AS text[]), CAST(:films AS text[]),
                                      CAST(:names AS text[]), CAST(:details AS text[]), CAST(:filmKeys AS text[]),
                                      CAST(:filmYears AS int[]), CAST(:imdbIds AS text[]))
                               AS n (organization, year, category, key, film, names, detail, film_key, film_year,
                                     imdb_id)
                        ON CONFLICT DO NOTHING"""), refs)
                .param("films", refs.stream().map(NominationRef::film).toArray(String[]::new))
                .param("names", refs.stream().map(ref -> arrayLiteral(ref.names())).toArray(String[]::new))
                .param("details", refs.stream().map(NominationRef::detail).toArray(String[]::new))
                .param("filmKeys", refs.stream().map(ref -> TitleKey.of(ref.film())).toArray(String[]::new))
                .param("filmYears", refs.stream().map(ref -> filmYear(ref.year())).toArray(Integer[]::new))
                .param("imdbIds", nominations.stream().map(RecordedNomination::imdbId).toArray(String[]::new))
                .update();
    }

    /** Forgets the nominations withdrawn, in one statement. */
    static void deleteWithdrawn(JdbcClient jdbc, Collection<NominationRef> nominations) {
        keys(jdbc.sql("""
                DELETE FROM festival_match m
                 USING unnest(CAST(:organizations AS text[]), CAST(:years AS int[]), CAST(:categories AS text[]),
                              CAST(:keys AS text[])) AS n (organization, year, category, key)
                 WHERE m.organization = n.organization AND m.year = n.year AND m.category = n.category
                   AND m.nomination_key = n.key"""), nominations).update();
    }

    /**
     * The names as one PostgreSQL array literal: an array of arrays of different lengths is none PostgreSQL can
     * bind, so each row's names travel as the text of its array.
     */
    private static String arrayLiteral(List<String> names) {
        StringBuilder literal = new StringBuilder("{");
        for (String name : names) {
            literal.append(literal.length() > 1 ? ",\"" : "\"")
                    .append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** Binds the nominations' keys, in order, as the arrays a bulk statement reads them from. */
    static JdbcClient.StatementSpec keys(JdbcClient.StatementSpec statement, Collection<NominationRef> nominations) {
        return statement
                .param("organizations", nominations.stream().map(NominationRef::organization).toArray(String[]::new))
                .param("years", nominations.stream().map(NominationRef::year).toArray(Integer[]::new))
                .param("categories", nominations.stream().map(NominationRef::category).toArray(String[]::new))
                .param("keys", nominations.stream().map(NominationRef::key).toArray(String[]::new));
    }

    /** The ceremony's nominations never tried yet. */
    List<OpenNomination> pending(String organization, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM festival_match WHERE organization = :organization "
                        + "AND year = :year AND status = 'pending' ORDER BY category, nomination_key")
                .param("organization", organization).param("year", year).query(MatchLedger::open).list();
    }

    /** Every open nomination of the organization, {@code onlyPending} those never tried (a start's catch-up). */
    List<OpenNomination> open(String organization, boolean onlyPending) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM festival_match WHERE organization = :organization AND "
                        + (onlyPending ? "status = 'pending'" : OPEN) + " ORDER BY year DESC, category, nomination_key")
                .param("organization", organization).query(MatchLedger::open).list();
    }

    /**
     * The films of the organization's nominations matched to a movie that has no outcome: the import that followed
     * the match did not happen (a stop came between) or could not be recorded, not even as a failure. One
     * nomination of each film.
     */
    List<MatchedFilm> matchedNotImported(String organization) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (m.tmdb_id) m.tmdb_id, m.organization, m.year, m.category, m.film, m.names,
                               m.detail, m.film_year, m.imdb_id, m.attempts
                          FROM festival_match m
                         WHERE m.organization = :organization AND m.status = 'matched' AND m.tmdb_id IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM import_ledger_outcome o WHERE o.tmdb_id = m.tmdb_id)
                         ORDER BY m.tmdb_id, m.year DESC, m.category, m.nomination_key""")
                .param("organization", organization)
                .query((rs, row) -> new MatchedFilm(rs.getInt("tmdb_id"), open(rs, row))).list();
    }

    /** The open nominations a movie just imported may be the film of: by IMDb id, or by title within a year. */
    List<OpenNomination> openFor(String imdbId, String title, Integer releaseYear) {
        String titleKey = TitleKey.of(title);
        return jdbc.sql("SELECT " + COLUMNS + " FROM festival_match WHERE " + OPEN + """
                         AND ((CAST(:imdbId AS text) IS NOT NULL AND imdb_id = :imdbId)
                              OR (imdb_id IS NULL AND CAST(:titleKey AS text) IS NOT NULL AND film_key = :titleKey
                                  AND film_year BETWEEN CAST(:releaseYear AS int) - 1 AND CAST(:releaseYear AS int) + 1))
                        """)
                .param("imdbId", imdbId).param("titleKey", titleKey).param("releaseYear", releaseYear)
                .query(MatchLedger::open).list();
    }

    /** @return whether the nomination was open and is matched now */
    boolean matched(OpenNomination nomination, int tmdbId, String imdbId, String method) {
        return guarded.appendIfChanged(() -> bind(jdbc.sql("UPDATE festival_match SET status = 'matched', "
                        + "tmdb_id = :tmdbId, imdb_id = COALESCE(:imdbId, imdb_id), attempts = attempts + 1 WHERE "
                        + NOMINATION + " AND " + OPEN), nomination.ref()).param("tmdbId", tmdbId)
                        .param("imdbId", imdbId).update(),
                () -> new NominationMatched(nomination.organization(), nomination.year(), nomination.category(),
                        nomination.film(), nomination.names(), nomination.detail(), tmdbId,
                        imdbId != null ? imdbId : nomination.imdbId(), method));
    }

    /** Records that the nomination could not be matched this time, unless it was matched meanwhile. */
    void failed(OpenNomination nomination, String reason, String message) {
        guarded.appendIfReturned(() -> bind(jdbc.sql("UPDATE festival_match SET status = 'unmatched', "
                        + "attempts = attempts + 1 WHERE " + NOMINATION + " AND " + OPEN + " RETURNING attempts"),
                        nomination.ref()).query(Integer.class).optional(),
                attempt -> new NominationMatchFailed(nomination.organization(), nomination.year(),
                        nomination.category(), nomination.film(), nomination.names(), nomination.detail(),
                        nomination.filmYear(), nomination.imdbId(), reason, attempt, message));
    }

    /** Films of a ceremony held in {@code year} came out the year before. */
    static int filmYear(int year) {
        return year - 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, NominationRef nomination) {
        return statement.param("organization", nomination.organization()).param("year", nomination.year())
                .param("category", nomination.category()).param("key", nomination.key());
    }

    /**
     * A nomination as it is recorded, never tried.
     *
     * @param imdbId its film's IMDb id when the Academy's data names it, else null
     */
    record RecordedNomination(NominationRef nomination, String imdbId) {
    }

    /** A film matched to the movie {@code tmdbId}, by one of its nominations. */
    record MatchedFilm(int tmdbId, OpenNomination nomination) {
    }

    private static OpenNomination open(ResultSet rs, int row) throws SQLException {
        return new OpenNomination(rs.getString("organization"), rs.getInt("year"), rs.getString("category"),
                rs.getString("film"), Arrays.asList((String[]) rs.getArray("names").getArray()),
                rs.getString("detail"), rs.getInt("film_year"), rs.getString("imdb_id"), rs.getInt("attempts"));
    }
}
