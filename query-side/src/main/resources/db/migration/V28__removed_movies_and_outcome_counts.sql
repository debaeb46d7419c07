-- TMDb's daily ID export: a movie it no longer lists stays in the catalogue, marked removed since the time of its
-- MovieRemovedFromTmdb (unset again by MovieRestoredOnTmdb). Few movies are: two small partial indexes list them in
-- the order GET /api/movies asks for, all of them or a year's, and count a year's (the year's count less those is
-- the year's others), where the year's index would read the whole year for each.
ALTER TABLE movies ADD COLUMN removed_from_tmdb_at TIMESTAMPTZ;
CREATE INDEX movies_removed_popularity_idx ON movies (popularity DESC NULLS LAST, tmdb_id)
    WHERE removed_from_tmdb_at IS NOT NULL;
CREATE INDEX movies_removed_year_popularity_idx ON movies (year, popularity DESC NULLS LAST, tmdb_id)
    WHERE removed_from_tmdb_at IS NOT NULL;

-- GET /api/import/state reports every movie with an outcome. Counting a million rows of three tables at every
-- request is out of the question, so each projection counts its movies beside its rows, in the same transactions
-- (as movie_year_counts, V20), in a table of its own that a replay of that projection alone rebuilds; the API adds
-- the counts up. A count is a row (counter, movies); a count at zero has no row.
CREATE TABLE movie_counts (
    counter VARCHAR(32) NOT NULL PRIMARY KEY,
    movies  BIGINT      NOT NULL
);
INSERT INTO movie_counts (counter, movies) SELECT 'imported', count(*) FROM movies HAVING count(*) > 0;

CREATE TABLE skipped_import_counts (
    counter VARCHAR(32) NOT NULL PRIMARY KEY,
    movies  BIGINT      NOT NULL
);
INSERT INTO skipped_import_counts (counter, movies)
SELECT 'skipped', count(*) FROM skipped_imports HAVING count(*) > 0;

-- A movie may fail from several sources, and several times: failed_movies holds each movie whose last outcome is a
-- failure once, until any source imports or skips it (import_failures keeps a failure per source until the same
-- source succeeds).
CREATE TABLE failed_movies (
    tmdb_id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO failed_movies (tmdb_id)
SELECT DISTINCT f.tmdb_id FROM import_failures f
 WHERE f.tmdb_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM movies m WHERE m.tmdb_id = f.tmdb_id)
   AND NOT EXISTS (SELECT 1 FROM skipped_imports s WHERE s.tmdb_id = f.tmdb_id);

CREATE TABLE import_failure_counts (
    counter VARCHAR(32) NOT NULL PRIMARY KEY,
    movies  BIGINT      NOT NULL
);
INSERT INTO import_failure_counts (counter, movies)
SELECT 'failed', count(*) FROM failed_movies HAVING count(*) > 0;

-- The movies recorded as removed from TMDb, whatever their outcome; none before this migration.
CREATE TABLE import_state_counts (
    counter VARCHAR(32) NOT NULL PRIMARY KEY,
    movies  BIGINT      NOT NULL
);

COMMENT ON TABLE movie_counts IS
    'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | How many movies are imported, and how many of them TMDb no longer lists.';
COMMENT ON TABLE skipped_import_counts IS
    'kind: projection | owner: query-side skipped (projection skipped-imports) | comes back: replay of skipped-imports | How many movies the quality filter skipped.';
COMMENT ON TABLE failed_movies IS
    'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | Each movie whose last outcome is a failure, once.';
COMMENT ON TABLE import_failure_counts IS
    'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | How many movies have a failure for last outcome.';
COMMENT ON TABLE import_state_counts IS
    'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | How many movies TMDb''s export no longer lists.';

-- A rebuild under way while this runs writes to copies of the tables (RebuildTables). The copies of the movies and of
-- the skipped imports get what the live tables got, counted from the copies' own rows, so those rebuilds go on.
-- The failures' rebuild and the import state's find copies of their new tables missing and start over: which of the
-- copied failures are of movies imported since cannot be told from the copies alone.
DO $$
BEGIN
    IF to_regclass('projection_rebuild.movies') IS NOT NULL THEN
        ALTER TABLE projection_rebuild.movies ADD COLUMN removed_from_tmdb_at TIMESTAMPTZ;
        CREATE INDEX movies_removed_popularity_idx ON projection_rebuild.movies (popularity DESC NULLS LAST, tmdb_id)
            WHERE removed_from_tmdb_at IS NOT NULL;
        CREATE INDEX movies_removed_year_popularity_idx
            ON projection_rebuild.movies (year, popularity DESC NULLS LAST, tmdb_id)
            WHERE removed_from_tmdb_at IS NOT NULL;
        CREATE TABLE projection_rebuild.movie_counts (LIKE movie_counts INCLUDING ALL);
        INSERT INTO projection_rebuild.movie_counts (counter, movies)
        SELECT 'imported', count(*) FROM projection_rebuild.movies HAVING count(*) > 0;
        EXECUTE format('COMMENT ON TABLE projection_rebuild.movie_counts IS %L',
                       obj_description('movie_counts'::regclass, 'pg_class'));
    END IF;
    IF to_regclass('projection_rebuild.skipped_imports') IS NOT NULL THEN
        CREATE TABLE projection_rebuild.skipped_import_counts (LIKE skipped_import_counts INCLUDING ALL);
        INSERT INTO projection_rebuild.skipped_import_counts (counter, movies)
        SELECT 'skipped', count(*) FROM projection_rebuild.skipped_imports HAVING count(*) > 0;
        EXECUTE format('COMMENT ON TABLE projection_rebuild.skipped_import_counts IS %L',
                       obj_description('skipped_import_counts'::regclass, 'pg_class'));
    END IF;
END $$;
