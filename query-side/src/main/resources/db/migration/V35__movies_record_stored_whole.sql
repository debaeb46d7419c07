-- PostgreSQL compressed each movie's TMDb record (pglz) on every write: once the records were kept as json (V33), that
-- compression was the largest single cost left in a replay (a perf profile of bench/replay, 2026-12-04: 14% of the
-- whole machine's time, more than checking the JSON). The record is stored whole from now on, out of line in the
-- table's TOAST as before but not compressed: writing and reading a record cost less, and the movies table takes
-- about twice the disk it did (about 5.5 KB a movie instead of 2.8 KB: some 2.7 GB more a million movies; the event
-- store, which keeps every record too, is unchanged). Rows written before keep their compressed records until a
-- replay of movies writes them again; both read the same.
ALTER TABLE movies ALTER COLUMN tmdb_data SET STORAGE EXTERNAL;

-- A rebuild under way while this runs writes to a copy of movies (RebuildTables), and a node keeps the table's shape
-- to rebuild it from should it be dropped: both get the same storage.
DO $$
BEGIN
    IF to_regclass('projection_rebuild.movies') IS NOT NULL THEN
        ALTER TABLE projection_rebuild.movies ALTER COLUMN tmdb_data SET STORAGE EXTERNAL;
    END IF;
    IF to_regclass('projection_shape.movies') IS NOT NULL THEN
        ALTER TABLE projection_shape.movies ALTER COLUMN tmdb_data SET STORAGE EXTERNAL;
    END IF;
END $$;
