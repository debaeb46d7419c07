package org.cinegraph.query.festivals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The festivals read API: organizations, their ceremonies, and one ceremony's categories and nominations. */
@RestController
class FestivalsController {

    private final JdbcClient jdbc;

    FestivalsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/festivals")
    List<Festival> festivals() {
        return jdbc.sql("""
                        SELECT o.abbreviation, o.name,
                               (SELECT count(*) FROM festival_ceremonies c WHERE c.organization = o.abbreviation)
                                   AS ceremonies,
                               (SELECT count(*) FROM festival_nominations n WHERE n.organization = o.abbreviation)
                                   AS nominations
                          FROM festival_organizations o ORDER BY o.abbreviation""")
                .query((rs, row) -> new Festival(rs.getString("abbreviation"), rs.getString("name"),
                        rs.getLong("ceremonies"), rs.getLong("nominations")))
                .list();
    }

    /** The organization's ceremonies, newest first. */
    @GetMapping("/api/festivals/{organization}/ceremonies")
    List<CeremonySummary> ceremonies(@PathVariable String organization) {
        requireOrganization(organization);
        return jdbc.sql("""
                        SELECT c.year, c.ceremony_number, c.source_url, c.scraped_at,
                               (SELECT count(*) FROM festival_categories k
                                 WHERE k.organization = c.organization AND k.year = c.year) AS categories,
                               count(n.nomination_key) AS nominations,
                               count(n.nomination_key) FILTER (WHERE n.winner) AS winners,
                               count(n.tmdb_id) AS matched
                          FROM festival_ceremonies c
                          LEFT JOIN festival_nominations n ON n.organization = c.organization AND n.year = c.year
                         WHERE c.organization = :organization
                         GROUP BY c.organization, c.year ORDER BY c.year DESC""")
                .param("organization", organization)
                .query((rs, row) -> new CeremonySummary(rs.getInt("year"), rs.getInt("ceremony_number"),
                        rs.getInt("categories"), rs.getInt("nominations"), rs.getInt("winners"), rs.getInt("matched"),
                        rs.getString("source_url"), rs.getTimestamp("scraped_at").toInstant()))
                .list();
    }

    @GetMapping("/api/festivals/{organization}/ceremonies/{year}")
    CeremonyView ceremony(@PathVariable String organization, @PathVariable int year) {
        requireOrganization(organization);
        Integer number = jdbc.sql("""
                        SELECT ceremony_number FROM festival_ceremonies
                         WHERE organization = :organization AND year = :year""")
                .param("organization", organization).param("year", year).query(Integer.class).optional()
                .orElseThrow(() -> notFound("Ceremony not found", "No " + organization + " ceremony of " + year
                        + " has been recorded."));
        Map<String, List<NominationView>> categories = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT name FROM festival_categories WHERE organization = :organization AND year = :year
                         ORDER BY position""")
                .param("organization", organization).param("year", year).query(String.class).list()
                .forEach(name -> categories.put(name, new ArrayList<>()));
        jdbc.sql("""
                        SELECT category, film, names, detail, winner, tmdb_id, imdb_id FROM festival_nominations
                         WHERE organization = :organization AND year = :year ORDER BY position""")
                .param("organization", organization).param("year", year)
                .query((rs, row) -> Map.entry(rs.getString("category"), nomination(rs))).list()
                .forEach(entry -> categories.computeIfAbsent(entry.getKey(), name -> new ArrayList<>())
                        .add(entry.getValue()));
        return new CeremonyView(year, number, categories.entrySet().stream()
                .map(category -> new CategoryView(category.getKey(), category.getValue())).toList());
    }

    private static NominationView nomination(ResultSet rs) throws SQLException {
        Array names = rs.getArray("names");
        return new NominationView(rs.getString("film"), Arrays.asList((String[]) names.getArray()),
                rs.getString("detail"), rs.getBoolean("winner"), rs.getObject("tmdb_id", Integer.class),
                rs.getString("imdb_id"));
    }

    private void requireOrganization(String organization) {
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM festival_organizations WHERE abbreviation = :o)")
                .param("o", organization).query(Boolean.class).single();
        if (!known) {
            throw notFound("Unknown festival", "No festival organization '" + organization + "' is recorded; the "
                    + "Academy (AMPAS) is, once a ceremony of it was imported.");
        }
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    record Festival(String abbreviation, String name, long ceremonies, long nominations) {
    }

    record CeremonySummary(int year, int ceremonyNumber, int categories, int nominations, int winners, int matched,
                           String sourceUrl, Instant scrapedAt) {
    }

    record CeremonyView(int year, int ceremonyNumber, List<CategoryView> categories) {
    }

    record CategoryView(String name, List<NominationView> nominations) {
    }

    /** {@code tmdbId} and {@code imdbId} are null while the nomination is matched to no movie. */
    record NominationView(String film, List<String> names, String detail, boolean winner, Integer tmdbId,
                          String imdbId) {
    }
}
