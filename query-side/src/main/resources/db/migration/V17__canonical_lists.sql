-- Canonical lists and their members, a projection: a replay fills them anew from the lists' events.
CREATE TABLE canonical_lists (
    list_key     VARCHAR(64) NOT NULL PRIMARY KEY,
    content_hash VARCHAR(64) NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL
);

-- No foreign key to canonical_lists: a rebuild swaps in copies of both tables, and copies keep no foreign keys.
-- status: pending (not looked up yet), found (TMDb knows it: tmdb_id), not_found (the last lookup failed: reason).
CREATE TABLE canonical_list_members (
    list_key   VARCHAR(64) NOT NULL,
    imdb_id    VARCHAR(16) NOT NULL,
    position   INTEGER     NOT NULL,
    title      TEXT,
    year       INTEGER,
    status     VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'found', 'not_found')),
    tmdb_id    INTEGER,
    reason     VARCHAR(32),
    attempts   INTEGER     NOT NULL,
    PRIMARY KEY (list_key, imdb_id)
);
CREATE INDEX canonical_list_members_position_idx ON canonical_list_members (list_key, position);
