-- The sweep of TMDb's daily ID export: its one row (which export, how far it got, which node runs it), and the movies
-- the export no longer lists. Both are derived tables: rebuilt from the sweep's events.
CREATE TABLE import_ledger_export_sweep (
    id               SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    export_date      DATE,
    status           TEXT        CHECK (status IN ('running', 'completed', 'failed')),
    trigger          TEXT,
    confirm_removals BOOLEAN     NOT NULL DEFAULT FALSE,
    read_whole       BOOLEAN     NOT NULL DEFAULT FALSE,
    through_id       INTEGER     NOT NULL DEFAULT 0,
    done             BIGINT      NOT NULL DEFAULT 0,
    new_movies       BIGINT      NOT NULL DEFAULT 0,
    removals_withheld BIGINT     NOT NULL DEFAULT 0,
    started_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    owner            TEXT,
    lease_until      TIMESTAMPTZ
);
INSERT INTO import_ledger_export_sweep (id) VALUES (1);

CREATE TABLE import_ledger_removed (
    tmdb_id     INTEGER     NOT NULL PRIMARY KEY,
    export_date DATE        NOT NULL,
    removed_at  TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE import_ledger_export_sweep IS
    'kind: derived | owner: command-side export sweep (ExportSweepRunner) | comes back: rebuilt from ExportSweepStarted, ExportRead, ExportSweepProgressed, ExportSweepCompleted and ExportSweepFailed; no node holds a rebuilt sweep, so one left running is resumed by the next that claims it | The sweep of TMDb''s daily ID export: which export, how far it got, and the node running it.';
COMMENT ON TABLE import_ledger_removed IS
    'kind: derived | owner: command-side export sweep (ExportSweepRunner) | comes back: rebuilt from MovieRemovedFromTmdb and MovieRestoredOnTmdb | The movies TMDb''s export no longer lists.';
