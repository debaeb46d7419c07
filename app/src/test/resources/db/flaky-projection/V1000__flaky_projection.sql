-- A projection of BulkReplayFallbackTest only, whose handler fails once when the test asks it to.
CREATE TABLE flaky_projection (
    tmdb_id INTEGER NOT NULL PRIMARY KEY,
    title   TEXT
);
