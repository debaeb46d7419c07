-- The IMDb id TMDb gave for a skipped movie (MovieSkipped revision 2), to match festival nominations and IMDb
-- lists against. Null when TMDb has none, and for skips recorded by revision 1, whose events carry no IMDb id.
ALTER TABLE skipped_imports ADD COLUMN imdb_id VARCHAR(16);
