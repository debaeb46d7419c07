-- GET /api/movies orders by popularity DESC NULLS LAST, but PostgreSQL's DESC puts nulls first, so V5's
-- indexes could not give that order: every page of a year read and sorted the whole year (bench/run measured
-- 6 ms of PostgreSQL a page at 20,000 movies a year, 0.03 ms with these). Same names, the order the query asks.
DROP INDEX movies_year_popularity_idx;
CREATE INDEX movies_year_popularity_idx ON movies (year, popularity DESC NULLS LAST, tmdb_id);
DROP INDEX movies_popularity_idx;
CREATE INDEX movies_popularity_idx ON movies (popularity DESC NULLS LAST, tmdb_id);
