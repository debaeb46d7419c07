-- The command side's ledger of canonical lists: each member of each list and whether TMDb knows its
-- IMDb id. As with the festival ledger, a row is written in the transaction of the event it records; the
-- dashboard never reads it (the lists projection is what it reads).
CREATE TABLE list_entry (
    list_key  VARCHAR(64) NOT NULL,
    imdb_id   VARCHAR(16) NOT NULL,
    position  INTEGER     NOT NULL,
    title     TEXT,
    year      INTEGER,
    status    VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'found', 'not_found')),
    tmdb_id   INTEGER,
    attempts  INTEGER     NOT NULL,
    PRIMARY KEY (list_key, imdb_id)
);
CREATE INDEX list_entry_open_idx ON list_entry (imdb_id) WHERE status IN ('pending', 'not_found');
