-- The imported movies with their whole TMDb record, the movies the quality filter skipped, and the
-- imports that failed. Projections own these tables; every row can be rebuilt from the events.

CREATE TABLE movies (
    tmdb_id      INTEGER          NOT NULL PRIMARY KEY,
    imdb_id      VARCHAR(16),
    title        TEXT,
    release_date DATE,
    year         INTEGER,
    popularity   DOUBLE PRECISION,
    vote_count   INTEGER,
    tmdb_data    JSONB            NOT NULL,
    imported_at  TIMESTAMPTZ      NOT NULL
);
CREATE INDEX movies_year_popularity_idx ON movies (year, popularity DESC, tmdb_id);
CREATE INDEX movies_popularity_idx ON movies (popularity DESC, tmdb_id);

CREATE TABLE skipped_imports (
    tmdb_id         INTEGER     NOT NULL PRIMARY KEY,
    title           TEXT,
    year            INTEGER,
    source          VARCHAR(64) NOT NULL,
    reason          VARCHAR(32) NOT NULL,
    criteria_failed TEXT[]      NOT NULL,
    skipped_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX skipped_imports_year_idx ON skipped_imports (year, tmdb_id);

-- A failure stays until the same movie is imported or skipped from the same source.
CREATE TABLE import_failures (
    source          VARCHAR(64) NOT NULL,
    tmdb_id         INTEGER     NOT NULL,
    imdb_id         VARCHAR(16),
    title           TEXT,
    year            INTEGER,
    reason          VARCHAR(32) NOT NULL,
    retry_count     INTEGER     NOT NULL,
    detail          TEXT,
    last_attempt_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, tmdb_id)
);
CREATE INDEX import_failures_reason_idx ON import_failures (reason, tmdb_id);
