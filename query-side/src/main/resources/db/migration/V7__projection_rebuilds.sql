-- Rebuilding a projection beside its live tables (query-side's replay package).
--
-- A replay fills a copy of the projection's tables in projection_rebuild while the API keeps reading the
-- live ones, then moves the copies into place in one transaction. projection_shape keeps an empty copy of
-- every projection table as Flyway left it, so a table that was dropped by hand can still be rebuilt with
-- its columns, constraints and indexes. Both schemas only ever hold copies of tables defined here.
CREATE SCHEMA projection_rebuild;
CREATE SCHEMA projection_shape;

-- One row per projection that was ever replayed: the state of its latest replay. Every node reads it: a
-- projection's handlers write to the copies while its replay is rebuilding, whichever node runs them.
CREATE TABLE projection_replay (
    name           VARCHAR(64) NOT NULL PRIMARY KEY,
    state          VARCHAR(16) NOT NULL CHECK (state IN ('requested', 'rebuilding', 'completed', 'failed')),
    requested_at   TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    -- the event store's head when the tokens were reset: the rebuild has caught up once every segment of
    -- the projection is there
    reset_position BIGINT,
    failure        TEXT
);
