-- The year-progress projection's own record of each movie of a year and its outcome so far, so that the
-- counts in year_progress move exactly: a movie listed twice is discovered once, and a failure later
-- replaced by an import moves from one count to the other.
CREATE TABLE year_progress_movie (
    year    INTEGER     NOT NULL,
    tmdb_id INTEGER     NOT NULL,
    outcome VARCHAR(16) CHECK (outcome IN ('imported', 'skipped', 'failed')),
    PRIMARY KEY (year, tmdb_id)
);
