package org.cinegraph.query.skipped;

import java.time.Instant;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.query.writes.BatchedWrites;
import org.cinegraph.query.writes.CountChanges;
import org.cinegraph.query.writes.JdbcProjection;
import org.cinegraph.query.writes.ProjectionTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The movies the quality filter kept out, with the criteria each failed; an import later takes one out. They are
 * counted in {@code skipped_import_counts}.
 */
@Component
@ProcessingGroup("skipped-imports")
@ProjectionTables({"skipped_imports", "skipped_import_counts"})
class SkippedImportsProjection extends JdbcProjection {

    /** The count of {@code skipped_import_counts} of the movies skipped, and not imported since. */
    static final String SKIPPED = "skipped";
    private static final CountChanges.Table<String> COUNTS = new CountChanges.Table<>("skipped_import_counts",
            "counter", String.class);

    private final ObjectMapper json;

    SkippedImportsProjection(JdbcClient jdbc, ObjectMapper json) {
        super(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(MovieSkipped event, @Timestamp Instant at) {
        writes().upsert(event.tmdbId(), new Skip(event, at));
    }

    @EventHandler
    void on(MovieImported event) {
        writes().delete(event.tmdbId());
    }

    private BatchedWrites<Integer, Skip> writes() {
        BatchedWrites<Integer, Skip> skips = BatchedWrites.ofCurrentBatch("skipped_imports", this::write);
        // Asked for after the skips' writes, so the count is written after them, once per batch.
        counts();
        return skips;
    }

    private CountChanges<String> counts() {
        return CountChanges.ofCurrentBatch(jdbc, COUNTS);
    }

    /**
     * Applies a batch's skips and imports in two statements, and counts the skips they add and take away; each
     * skip's criteria travel as a JSON array.
     */
    private void write(List<Integer> imported, List<Skip> skips) {
        if (!imported.isEmpty()) {
            counts().add(SKIPPED, -jdbc.sql("DELETE FROM skipped_imports WHERE tmdb_id = ANY (CAST(:ids AS int[]))")
                    .param("ids", imported.toArray(Integer[]::new)).update());
        }
        if (skips.isEmpty()) {
            return;
        }
        Integer added = jdbc.sql("""
                        WITH previous AS (
                            SELECT tmdb_id FROM skipped_imports WHERE tmdb_id = ANY (CAST(:ids AS int[]))),
                        upserted AS (
                        INSERT INTO skipped_imports
                               (tmdb_id, imdb_id, title, year, source, reason, criteria_failed, skipped_at)
                        SELECT id, imdb_id, title, year, source, reason,
                               CASE WHEN criteria IS NOT NULL
                                    THEN ARRAY(SELECT jsonb_array_elements_text(CAST(criteria AS jsonb))) END, at
                          FROM unnest(CAST(:ids AS int[]), CAST(:imdbIds AS text[]), CAST(:titles AS text[]),
                                      CAST(:years AS int[]), CAST(:sources AS text[]), CAST(:reasons AS text[]),
                                      CAST(:criteria AS text[]), CAST(:ats AS timestamptz[]))
                               AS skip (id, imdb_id, title, year, source, reason, criteria, at)
                        ON CONFLICT (tmdb_id) DO UPDATE
                           SET imdb_id = EXCLUDED.imdb_id, title = EXCLUDED.title, year = EXCLUDED.year,
                               source = EXCLUDED.source, reason = EXCLUDED.reason,
                               criteria_failed = EXCLUDED.criteria_failed, skipped_at = EXCLUDED.skipped_at
                        RETURNING tmdb_id)
                        SELECT (SELECT count(*) FROM upserted) - (SELECT count(*) FROM previous)""")
                .param("ids", skips.stream().map(skip -> skip.event().tmdbId()).toArray(Integer[]::new))
                .param("imdbIds", skips.stream().map(skip -> skip.event().imdbId()).toArray(String[]::new))
                .param("titles", skips.stream().map(skip -> skip.event().title()).toArray(String[]::new))
                .param("years", skips.stream().map(skip -> skip.event().year()).toArray(Integer[]::new))
                .param("sources", skips.stream().map(skip -> skip.event().source()).toArray(String[]::new))
                .param("reasons", skips.stream().map(skip -> skip.event().reason()).toArray(String[]::new))
                .param("criteria", skips.stream().map(skip -> json(skip.event().criteriaFailed()))
                        .toArray(String[]::new))
                .param("ats", skips.stream().map(skip -> skip.at().toString()).toArray(String[]::new))
                .query(Integer.class).single();
        counts().add(SKIPPED, added);
    }

    private String json(List<String> criteria) {
        try {
            return criteria == null ? null : json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Criteria that cannot be written as JSON: " + criteria, e);
        }
    }

    private record Skip(MovieSkipped event, Instant at) {
    }
}
