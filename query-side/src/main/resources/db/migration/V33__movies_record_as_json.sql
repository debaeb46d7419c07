-- The movies projection kept each TMDb record as jsonb, which PostgreSQL builds by parsing the whole record (5 KB on
-- average) on every write: most of a replay's time went there (bench/run, 2026-12-03: storing the records as jsonb
-- alone capped a replay of a million events at 19,645 events/s). The record is kept as json now, the text received,
-- checked as JSON but not decomposed; the columns the API filters and sorts on are taken from it by the projection.
-- The API reads the one movie it answers through jsonb, so its answers do not change. SQL users keep ->, ->> and
-- json_* functions on tmdb_data (each parses the record), and cast it to jsonb for jsonb's operators and indexes.
ALTER TABLE movies ALTER COLUMN tmdb_data TYPE json USING CAST(tmdb_data AS json);

COMMENT ON COLUMN movies.tmdb_data IS
    'The movie''s whole TMDb record as JSON text (json: checked, not parsed into jsonb on write). Cast it to jsonb for jsonb''s operators; the API answers that rendering.';

-- A rebuild under way while this runs writes to a copy of movies (RebuildTables), and a node keeps the table's shape
-- to rebuild it from should it be dropped: both get the same type, so the rebuild goes on.
DO $$
BEGIN
    IF to_regclass('projection_rebuild.movies') IS NOT NULL THEN
        ALTER TABLE projection_rebuild.movies ALTER COLUMN tmdb_data TYPE json USING CAST(tmdb_data AS json);
    END IF;
    IF to_regclass('projection_shape.movies') IS NOT NULL THEN
        ALTER TABLE projection_shape.movies ALTER COLUMN tmdb_data TYPE json USING CAST(tmdb_data AS json);
    END IF;
END $$;
