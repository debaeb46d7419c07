-- A failure is of something that may have no TMDb id yet: a festival nomination whose film no TMDb movie
-- matched. Failures are known by their source and their subject: a movie's TMDb id, or for a nomination its
-- ceremony year, category and nomination key. The table is a projection: a replay fills it anew.
ALTER TABLE import_failures ADD COLUMN subject TEXT;
UPDATE import_failures SET subject = CAST(tmdb_id AS text);
ALTER TABLE import_failures ALTER COLUMN subject SET NOT NULL;
ALTER TABLE import_failures DROP CONSTRAINT import_failures_pkey;
ALTER TABLE import_failures ADD PRIMARY KEY (source, subject);
ALTER TABLE import_failures ALTER COLUMN tmdb_id DROP NOT NULL;
