-- Read models of the import. Projections own these tables; every row can be rebuilt from the events.

CREATE TABLE year_progress (
    year             INTEGER     NOT NULL PRIMARY KEY,
    status           VARCHAR(16) NOT NULL CHECK (status IN ('importing', 'completed', 'failed')),
    trigger          VARCHAR(16) NOT NULL,
    tmdb_total       INTEGER,
    discovered       INTEGER     NOT NULL DEFAULT 0,
    imported         INTEGER     NOT NULL DEFAULT 0,
    skipped          INTEGER     NOT NULL DEFAULT 0,
    failed           INTEGER     NOT NULL DEFAULT 0,
    pages_total      INTEGER,
    pages_done       INTEGER     NOT NULL DEFAULT 0,
    started_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    last_progress_at TIMESTAMPTZ NOT NULL
);

-- The old system's key-value progress table, now a projection. Each key remembers the global position of
-- the event that last set it, so an event applied out of order or twice cannot move a value backwards.
CREATE TABLE import_state (
    key        VARCHAR(64) NOT NULL PRIMARY KEY,
    value      TEXT,
    position   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
