-- A projection of BulkReplayFallbackTest only, whose handler fails once when the test asks it to.
CREATE TABLE flaky_projection (
    tmdb_id INTEGER NOT NULL PRIMARY KEY,
    title   TEXT,
    -- how often the movie's import was applied: each import is applied once, so anything but 1 is a fault
    applied INTEGER NOT NULL
);
