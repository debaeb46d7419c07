package org.cinegraph.query.festivals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.CeremonyScraped;
import org.cinegraph.events.FestivalOrganizationRegistered;
import org.cinegraph.events.NominationEvent;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationRef;
import org.cinegraph.events.NominationWithdrawn;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Festival organizations, their ceremonies, categories and nominations. A ceremony's events come from its own
 * aggregate, in order; a nomination recorded again (its winner changed) keeps its place.
 */
@Component
@ProcessingGroup(FestivalsProjection.NAME)
@ProjectionTables(value = {"festival_organizations", "festival_ceremonies", "festival_categories", "festival_nominations"},
        neverEmptyAfter = FestivalOrganizationRegistered.class)
class FestivalsProjection extends JdbcProjection {

    static final String NAME = "festivals";
    /** A nomination is known by its category and its key, as the command side's ledger knows it. */
    private static final String NOMINATION =
            "organization = :organization AND year = :year AND category = :category AND nomination_key = :key";

    FestivalsProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @EventHandler
    void on(FestivalOrganizationRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO festival_organizations (abbreviation, name, registered_at)
                        VALUES (:abbreviation, :name, :at)
                        ON CONFLICT (abbreviation) DO UPDATE SET name = EXCLUDED.name""")
                .param("abbreviation", event.abbreviation()).param("name", event.name()).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(CeremonyScraped event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO festival_ceremonies (organization, year, ceremony_number, source_url, content_hash,
                                                         scraped_at)
                        VALUES (:organization, :year, :number, :url, :hash, :at)
                        ON CONFLICT (organization, year) DO UPDATE
                           SET ceremony_number = EXCLUDED.ceremony_number, source_url = EXCLUDED.source_url,
                               content_hash = EXCLUDED.content_hash, scraped_at = EXCLUDED.scraped_at""")
                .param("organization", event.organization()).param("year", event.year())
                .param("number", event.ceremonyNumber()).param("url", event.sourceUrl())
                .param("hash", event.contentHash()).param("at", utc(at)).update();
        jdbc.sql("DELETE FROM festival_categories WHERE organization = :organization AND year = :year")
                .param("organization", event.organization()).param("year", event.year()).update();
        int position = 0;
        for (String category : event.categories()) {
            jdbc.sql("""
                            INSERT INTO festival_categories (organization, year, name, position)
                            VALUES (:organization, :year, :name, :position) ON CONFLICT DO NOTHING""")
                    .param("organization", event.organization()).param("year", event.year())
                    .param("name", category).param("position", position++).update();
        }
    }

    @EventHandler
    void on(NominationRecorded event) {
        nomination(jdbc.sql("""
                        INSERT INTO festival_nominations (organization, year, category, nomination_key, film, names,
                                                          detail, winner, position)
                        SELECT :organization, :year, :category, :key, :film, CAST(:names AS text[]), :detail, :winner,
                               COALESCE(max(position), 0) + 1
                          FROM festival_nominations WHERE organization = :organization AND year = :year
                        ON CONFLICT (organization, year, category, nomination_key) DO UPDATE
                           SET winner = EXCLUDED.winner"""), event)
                .param("film", event.film()).param("names", event.names().toArray(String[]::new))
                .param("detail", event.detail()).param("winner", event.winner()).update();
    }

    @EventHandler
    void on(NominationMatched event) {
        nomination(jdbc.sql("UPDATE festival_nominations SET tmdb_id = :tmdbId, imdb_id = :imdbId WHERE " + NOMINATION),
                event).param("tmdbId", event.tmdbId()).param("imdbId", event.imdbId()).update();
    }

    @EventHandler
    void on(NominationWithdrawn event) {
        nomination(jdbc.sql("DELETE FROM festival_nominations WHERE " + NOMINATION), event).update();
    }

    /** Binds what {@link #NOMINATION} and an inserted nomination's key name. */
    private static JdbcClient.StatementSpec nomination(JdbcClient.StatementSpec statement, NominationEvent event) {
        NominationRef nomination = NominationRef.of(event);
        return statement.param("organization", nomination.organization()).param("year", nomination.year())
                .param("category", nomination.category()).param("key", nomination.key());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
