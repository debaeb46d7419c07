-- The daily schedule and the pass over the year range: the daily import fires once however many nodes run, and
-- works through the range one year after another.

-- db-scheduler's table (its PostgreSQL layout): the daily import is one recurring execution here. Every node
-- polls it; a node picks a due execution with an optimistic update of its version, so each tick fires once
-- however many nodes run, and a tick missed while every node was down fires once at the next start.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Which node works on a running year, and until when its claim holds without being renewed. The node that
-- works on the year renews the claim while its job runs; a killed node's claim runs out and another node
-- takes the year over. A year paused (TMDb unavailable) has no owner and waits for the next trigger.
-- progressed_at is when the run last recorded something: a run with no progress for cinegraph.import.stall-after
-- is stalled, and the next trigger takes it over even from a live node.
ALTER TABLE import_ledger_run ADD COLUMN owner TEXT;
ALTER TABLE import_ledger_run ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE import_ledger_run ADD COLUMN progressed_at TIMESTAMPTZ;

-- The status of every year ever started, written in the same transaction as the event that changed it
-- (YearImportStarted, YearImportCompleted, YearImportFailed): what the pass decides the next year from.
CREATE TABLE import_ledger_year (
    year       INTEGER     NOT NULL PRIMARY KEY,
    status     VARCHAR(16) NOT NULL CHECK (status IN ('importing', 'completed', 'failed')),
    trigger    VARCHAR(16) NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ
);

-- Years started before this table existed, from their events: each year's latest start, and what ended it.
WITH latest_start AS (
    SELECT DISTINCT ON (aggregate_identifier)
           aggregate_identifier,
           sequence_number,
           CAST(CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'year' AS INTEGER) AS year,
           lower(CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'trigger')      AS trigger,
           CAST(time_stamp AS TIMESTAMPTZ)                                         AS started_at
      FROM domain_event_entry
     WHERE payload_type = 'org.cinegraph.events.YearImportStarted'
     ORDER BY aggregate_identifier, sequence_number DESC)
INSERT INTO import_ledger_year (year, status, trigger, started_at, ended_at)
SELECT s.year,
       CASE e.payload_type
           WHEN 'org.cinegraph.events.YearImportCompleted' THEN 'completed'
           WHEN 'org.cinegraph.events.YearImportFailed' THEN 'failed'
           ELSE 'importing' END,
       s.trigger,
       s.started_at,
       e.ended_at
  FROM latest_start s
  LEFT JOIN LATERAL (SELECT payload_type, CAST(time_stamp AS TIMESTAMPTZ) AS ended_at
                       FROM domain_event_entry
                      WHERE aggregate_identifier = s.aggregate_identifier
                        AND sequence_number > s.sequence_number
                        AND payload_type IN ('org.cinegraph.events.YearImportCompleted',
                                             'org.cinegraph.events.YearImportFailed')
                      ORDER BY sequence_number DESC
                      LIMIT 1) e ON TRUE;

-- A run whose year has ended is over: the earlier version could leave one behind when it crashed between the
-- year's end and its own note of it.
DELETE FROM import_ledger_run r
 WHERE NOT EXISTS (SELECT 1 FROM import_ledger_year y WHERE y.year = r.year AND y.status = 'importing');

-- Ticks of the daily schedule already handled: a tick that fires again (its node died before db-scheduler
-- noted it done) changes nothing.
CREATE TABLE import_ledger_tick (
    scheduled_for TIMESTAMPTZ NOT NULL PRIMARY KEY,
    handled_at    TIMESTAMPTZ NOT NULL
);

-- Ranges whose every year is completed, recorded once as FullSyncCompleted; a year of the range that starts
-- again removes the row, so the range's next completion is recorded again.
CREATE TABLE import_ledger_full_sync (
    first_year   INTEGER     NOT NULL,
    last_year    INTEGER     NOT NULL,
    completed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (first_year, last_year)
);

-- The content hash (ContentHash: SHA-256 of the record's JSON with sorted fields) of each imported movie's
-- TMDb record as last recorded: the delta sync records a MovieUpdated only when TMDb's new answer hashes
-- differently. Filled for movies imported before this column by V11__ContentHashes.
ALTER TABLE import_ledger_outcome ADD COLUMN content_hash BYTEA;

-- The delta sync from TMDb's change feed: the day up to which the feed was read (inclusive), and the sync
-- running now, with the node that runs it and until when its claim holds (as import_ledger_run's).
CREATE TABLE import_ledger_change_sync (
    id            SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    checked_until DATE,
    owner         TEXT,
    lease_until   TIMESTAMPTZ
);
INSERT INTO import_ledger_change_sync (id) VALUES (1);
