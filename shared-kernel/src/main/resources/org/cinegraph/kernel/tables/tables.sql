-- Every table as the migrations leave it: what a node recreates a lost table from (TableRecovery).
-- Written by TableKindsTest from the migrated database (-Dcinegraph.write-table-definitions=true);
-- never edit it by hand. The test fails when it differs from what the migrations make.

-- table: association_value_entry
CREATE SEQUENCE IF NOT EXISTS association_value_entry_id_seq AS bigint INCREMENT BY 1 CACHE 1;
CREATE TABLE association_value_entry (
    id bigint DEFAULT nextval('association_value_entry_id_seq'::regclass) NOT NULL,
    association_key character varying(255),
    association_value character varying(255),
    saga_id character varying(255),
    saga_type character varying(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_saga_id_saga_type_idx ON association_value_entry USING btree (saga_id, saga_type);
CREATE INDEX association_value_entry_saga_type_key_value_idx ON association_value_entry USING btree (saga_type, association_key, association_value);
ALTER SEQUENCE association_value_entry_id_seq OWNED BY association_value_entry.id;
COMMENT ON TABLE association_value_entry IS 'kind: coordination | owner: command-side schedule (Axon''s saga store) | comes back: recreated empty; DailyImportRecovery puts the saga''s association back with it | Which saga handles the events of which schedule.';

-- table: canonical_list_members
CREATE TABLE canonical_list_members (
    list_key character varying(64) NOT NULL,
    imdb_id character varying(16) NOT NULL,
    "position" integer NOT NULL,
    title text,
    year integer,
    status character varying(16) NOT NULL,
    tmdb_id integer,
    reason character varying(32),
    attempts integer NOT NULL,
    CONSTRAINT canonical_list_members_pkey PRIMARY KEY (list_key, imdb_id),
    CONSTRAINT canonical_list_members_status_check CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'found'::character varying, 'not_found'::character varying])::text[])))
);
CREATE INDEX canonical_list_members_position_idx ON canonical_list_members USING btree (list_key, "position");
COMMENT ON TABLE canonical_list_members IS 'kind: projection | owner: query-side lists (projection lists) | comes back: replay of lists | Each list''s members and the TMDb movies they are.';

-- table: canonical_lists
CREATE TABLE canonical_lists (
    list_key character varying(64) NOT NULL,
    content_hash character varying(64) NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT canonical_lists_pkey PRIMARY KEY (list_key)
);
COMMENT ON TABLE canonical_lists IS 'kind: projection | owner: query-side lists (projection lists) | comes back: replay of lists | The canonical lists uploaded.';

-- table: dead_letter_entry
CREATE TABLE dead_letter_entry (
    dead_letter_id character varying(255) NOT NULL,
    processing_group character varying(255) NOT NULL,
    sequence_identifier character varying(255) NOT NULL,
    sequence_index bigint NOT NULL,
    message_type character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    payload_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload bytea NOT NULL,
    meta_data bytea,
    aggregate_type character varying(255),
    aggregate_identifier character varying(255),
    sequence_number bigint,
    token_type character varying(255),
    token bytea,
    enqueued_at character varying(255) NOT NULL,
    last_touched character varying(255),
    processing_started character varying(255),
    cause_type character varying(255),
    cause_message character varying(1023),
    diagnostics bytea,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_index_unique UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_processing_group_idx ON dead_letter_entry USING btree (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry USING btree (processing_group, sequence_identifier);
COMMENT ON TABLE dead_letter_entry IS 'kind: coordination | owner: query-side deadletters (Axon''s dead-letter queue) | comes back: recreated empty; every projection is replayed, which applies the parked events again | Events a projection could not apply, parked with the later events of their sequence.';

-- table: domain_event_entry
CREATE SEQUENCE IF NOT EXISTS domain_event_entry_global_index_seq AS bigint INCREMENT BY 1 CACHE 1;
CREATE TABLE domain_event_entry (
    global_index bigint DEFAULT nextval('domain_event_entry_global_index_seq'::regclass) NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255),
    event_identifier character varying(255) NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    CONSTRAINT domain_event_entry_aggregate_identifier_sequence_number_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index)
);
CREATE INDEX domain_event_entry_payload_type_idx ON domain_event_entry USING btree (payload_type);
ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;
COMMENT ON TABLE domain_event_entry IS 'kind: event store | owner: app axon (Axon''s JDBC storage engine) | comes back: never: the only truth, restore it from a backup | Every event ever recorded, in the order of its global index.';

-- table: failed_movies
CREATE TABLE failed_movies (
    tmdb_id integer NOT NULL,
    CONSTRAINT failed_movies_pkey PRIMARY KEY (tmdb_id)
);
COMMENT ON TABLE failed_movies IS 'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | Each movie whose last outcome is a failure, once.';

-- table: festival_categories
CREATE TABLE festival_categories (
    organization character varying(16) NOT NULL,
    year integer NOT NULL,
    name text NOT NULL,
    "position" integer NOT NULL,
    CONSTRAINT festival_categories_pkey PRIMARY KEY (organization, year, name)
);
COMMENT ON TABLE festival_categories IS 'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each ceremony''s categories.';

-- table: festival_ceremonies
CREATE TABLE festival_ceremonies (
    organization character varying(16) NOT NULL,
    year integer NOT NULL,
    ceremony_number integer NOT NULL,
    source_url text NOT NULL,
    content_hash character varying(64) NOT NULL,
    scraped_at timestamp with time zone NOT NULL,
    CONSTRAINT festival_ceremonies_pkey PRIMARY KEY (organization, year)
);
COMMENT ON TABLE festival_ceremonies IS 'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each ceremony scraped.';

-- table: festival_ceremony_failure
CREATE TABLE festival_ceremony_failure (
    organization character varying(16) NOT NULL,
    year integer NOT NULL,
    attempts integer NOT NULL,
    CONSTRAINT festival_ceremony_failure_pkey PRIMARY KEY (organization, year)
);
COMMENT ON TABLE festival_ceremony_failure IS 'kind: derived | owner: command-side festival (CeremonyFailures) | comes back: rebuilt from CeremonyImportFailed and CeremonyImportResolved | Ceremonies whose import failed and has not succeeded since.';

-- table: festival_match
CREATE TABLE festival_match (
    organization character varying(16) NOT NULL,
    year integer NOT NULL,
    category text NOT NULL,
    nomination_key character varying(32) NOT NULL,
    film text,
    names text[] NOT NULL,
    detail text,
    film_key text,
    film_year integer NOT NULL,
    imdb_id character varying(16),
    tmdb_id integer,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    CONSTRAINT festival_match_pkey PRIMARY KEY (organization, year, category, nomination_key),
    CONSTRAINT festival_match_status_check CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'matched'::character varying, 'unmatched'::character varying, 'no_film'::character varying])::text[])))
);
CREATE INDEX festival_match_open_film_idx ON festival_match USING btree (film_key) WHERE ((status)::text = ANY ((ARRAY['pending'::character varying, 'unmatched'::character varying])::text[]));
CREATE INDEX festival_match_open_imdb_idx ON festival_match USING btree (imdb_id) WHERE ((status)::text = ANY ((ARRAY['pending'::character varying, 'unmatched'::character varying])::text[]));
COMMENT ON TABLE festival_match IS 'kind: derived | owner: command-side festival (MatchLedger) | comes back: rebuilt from NominationRecorded (with the IMDb ids of the bundled oscars.csv), NominationMatched, NominationMatchFailed and NominationWithdrawn | Each nomination of a recorded ceremony and whether its film is matched to a TMDb movie.';

-- table: festival_nominations
CREATE TABLE festival_nominations (
    organization character varying(16) NOT NULL,
    year integer NOT NULL,
    category text NOT NULL,
    nomination_key character varying(32) NOT NULL,
    film text,
    names text[] NOT NULL,
    detail text,
    winner boolean NOT NULL,
    "position" integer NOT NULL,
    tmdb_id integer,
    imdb_id character varying(16),
    CONSTRAINT festival_nominations_pkey PRIMARY KEY (organization, year, category, nomination_key)
);
CREATE INDEX festival_nominations_ceremony_idx ON festival_nominations USING btree (organization, year, "position");
COMMENT ON TABLE festival_nominations IS 'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each nomination and the TMDb movie it is matched to.';

-- table: festival_organizations
CREATE TABLE festival_organizations (
    abbreviation character varying(16) NOT NULL,
    name text NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    CONSTRAINT festival_organizations_pkey PRIMARY KEY (abbreviation)
);
COMMENT ON TABLE festival_organizations IS 'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | The festivals whose nominations are recorded.';

-- table: health_alert_claim
CREATE TABLE health_alert_claim (
    id smallint NOT NULL,
    announced character varying(16),
    announced_at timestamp with time zone,
    owner character varying(255),
    lease_until timestamp with time zone,
    retry_at timestamp with time zone,
    announcer character varying(255),
    announcer_until timestamp with time zone,
    CONSTRAINT health_alert_claim_id_check CHECK ((id = 1)),
    CONSTRAINT health_alert_claim_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE health_alert_claim IS 'kind: coordination | owner: app alerts (HealthAlerts) | comes back: recreated empty; the next check announces the health once more, unless it is ok | The last status of the import''s health announced to the webhook, and the claim of the node announcing a change.';

-- table: health_alerts
CREATE TABLE health_alerts (
    event_id character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    outcome character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    previous_status character varying(16),
    message text NOT NULL,
    node character varying(255) NOT NULL,
    receiver character varying(255) NOT NULL,
    attempts integer NOT NULL,
    reason text,
    CONSTRAINT health_alerts_pkey PRIMARY KEY (event_id)
);
CREATE INDEX health_alerts_at_idx ON health_alerts USING btree (at DESC, event_id DESC);
COMMENT ON TABLE health_alerts IS 'kind: projection | owner: query-side alerts (projection health-alerts) | comes back: replay of health-alerts | Each announcement of a change of the import''s health to the webhook, sent or failed.';

-- table: import_failure_counts
CREATE TABLE import_failure_counts (
    counter character varying(32) NOT NULL,
    movies bigint NOT NULL,
    CONSTRAINT import_failure_counts_pkey PRIMARY KEY (counter)
);
COMMENT ON TABLE import_failure_counts IS 'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | How many movies have a failure for last outcome.';

-- table: import_failures
CREATE TABLE import_failures (
    source character varying(64) NOT NULL,
    tmdb_id integer,
    imdb_id character varying(16),
    title text,
    year integer,
    reason character varying(32) NOT NULL,
    retry_count integer NOT NULL,
    detail text,
    last_attempt_at timestamp with time zone NOT NULL,
    subject text NOT NULL,
    CONSTRAINT import_failures_pkey PRIMARY KEY (source, subject)
);
CREATE INDEX import_failures_last_attempt_at_idx ON import_failures USING btree (last_attempt_at);
CREATE INDEX import_failures_reason_idx ON import_failures USING btree (reason, tmdb_id);
COMMENT ON TABLE import_failures IS 'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | Lookups that failed and have not succeeded since.';

-- table: import_ledger_change_sync
CREATE TABLE import_ledger_change_sync (
    id smallint NOT NULL,
    checked_until date,
    owner text,
    lease_until timestamp with time zone,
    CONSTRAINT import_ledger_change_sync_id_check CHECK ((id = 1)),
    CONSTRAINT import_ledger_change_sync_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE import_ledger_change_sync IS 'kind: derived | owner: command-side changes (ChangeLedger) | comes back: rebuilt from ChangeFeedRead and ChangeSyncCompleted; no node holds a rebuilt sync, so one claims it again | How far TMDb''s change feed was read, and which node runs the delta sync.';

-- table: import_ledger_discovered
CREATE TABLE import_ledger_discovered (
    year integer NOT NULL,
    tmdb_id integer NOT NULL,
    title text,
    CONSTRAINT import_ledger_discovered_pkey PRIMARY KEY (year, tmdb_id)
);
COMMENT ON TABLE import_ledger_discovered IS 'kind: derived | owner: command-side yearimport (PageLedger) | comes back: rebuilt from PageDiscovered | The movies each year''s discover pages listed, each once.';

-- table: import_ledger_export_sweep
CREATE TABLE import_ledger_export_sweep (
    id smallint NOT NULL,
    export_date date,
    status text,
    trigger text,
    confirm_removals boolean DEFAULT false NOT NULL,
    read_whole boolean DEFAULT false NOT NULL,
    through_id integer DEFAULT 0 NOT NULL,
    done bigint DEFAULT 0 NOT NULL,
    new_movies bigint DEFAULT 0 NOT NULL,
    removals_withheld bigint DEFAULT 0 NOT NULL,
    started_at timestamp with time zone,
    ended_at timestamp with time zone,
    owner text,
    lease_until timestamp with time zone,
    CONSTRAINT import_ledger_export_sweep_id_check CHECK ((id = 1)),
    CONSTRAINT import_ledger_export_sweep_pkey PRIMARY KEY (id),
    CONSTRAINT import_ledger_export_sweep_status_check CHECK ((status = ANY (ARRAY['running'::text, 'completed'::text, 'failed'::text])))
);
COMMENT ON TABLE import_ledger_export_sweep IS 'kind: derived | owner: command-side export sweep (ExportSweepRunner) | comes back: rebuilt from ExportSweepStarted, ExportRead, ExportSweepProgressed, ExportSweepCompleted and ExportSweepFailed; no node holds a rebuilt sweep, so one left running is resumed by the next that claims it | The sweep of TMDb''s daily ID export: which export, how far it got, and the node running it.';

-- table: import_ledger_full_sync
CREATE TABLE import_ledger_full_sync (
    first_year integer NOT NULL,
    last_year integer NOT NULL,
    completed_at timestamp with time zone NOT NULL,
    CONSTRAINT import_ledger_full_sync_pkey PRIMARY KEY (first_year, last_year)
);
COMMENT ON TABLE import_ledger_full_sync IS 'kind: derived | owner: command-side schedule (PassLedger) | comes back: rebuilt from FullSyncCompleted and YearImportStarted | Year ranges whose every year is completed, recorded once.';

-- table: import_ledger_outcome
CREATE TABLE import_ledger_outcome (
    tmdb_id integer NOT NULL,
    year integer,
    outcome character varying(16) NOT NULL,
    attempts integer NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    content_hash bytea,
    source character varying(80) NOT NULL,
    imdb_id character varying(16),
    title_key text,
    release_year integer,
    CONSTRAINT import_ledger_outcome_outcome_check CHECK (((outcome)::text = ANY ((ARRAY['imported'::character varying, 'skipped'::character varying, 'failed'::character varying])::text[]))),
    CONSTRAINT import_ledger_outcome_pkey PRIMARY KEY (tmdb_id)
);
CREATE INDEX import_ledger_outcome_failed_idx ON import_ledger_outcome USING btree (source) WHERE ((outcome)::text = 'failed'::text);
CREATE INDEX import_ledger_outcome_imdb_idx ON import_ledger_outcome USING btree (imdb_id) WHERE (imdb_id IS NOT NULL);
CREATE INDEX import_ledger_outcome_title_idx ON import_ledger_outcome USING btree (title_key, release_year);
COMMENT ON TABLE import_ledger_outcome IS 'kind: derived | owner: command-side catalogue (OutcomeLedger) | comes back: rebuilt from MovieImported, MovieSkipped, MovieImportFailed and MovieUpdated | The outcome of every movie fetched, at most one per movie, and its content hash.';

-- table: import_ledger_page
CREATE TABLE import_ledger_page (
    year integer NOT NULL,
    run_started_at timestamp with time zone NOT NULL,
    window_from date NOT NULL,
    pass integer NOT NULL,
    page integer NOT NULL,
    total_results integer NOT NULL,
    total_pages integer NOT NULL,
    CONSTRAINT import_ledger_page_pkey PRIMARY KEY (year, run_started_at, window_from, pass, page)
);
COMMENT ON TABLE import_ledger_page IS 'kind: derived | owner: command-side yearimport (PageLedger) | comes back: rebuilt from YearImportStarted and PageDiscovered | Discover pages read by each run of a year, each once per window and pass.';

-- table: import_ledger_priority
CREATE TABLE import_ledger_priority (
    year integer NOT NULL,
    rank integer NOT NULL,
    prioritized_at timestamp with time zone NOT NULL,
    CONSTRAINT import_ledger_priority_pkey PRIMARY KEY (year),
    CONSTRAINT import_ledger_priority_rank_key UNIQUE (rank)
);
COMMENT ON TABLE import_ledger_priority IS 'kind: derived | owner: command-side schedule (PriorityYears) | comes back: rebuilt from YearsPrioritized, YearImportStarted and YearImportCompleted | The years an admin put first in the pass''s order that are not completed yet, in that order.';

-- table: import_ledger_removed
CREATE TABLE import_ledger_removed (
    tmdb_id integer NOT NULL,
    export_date date NOT NULL,
    removed_at timestamp with time zone NOT NULL,
    CONSTRAINT import_ledger_removed_pkey PRIMARY KEY (tmdb_id)
);
COMMENT ON TABLE import_ledger_removed IS 'kind: derived | owner: command-side export sweep (ExportSweepRunner) | comes back: rebuilt from MovieRemovedFromTmdb and MovieRestoredOnTmdb | The movies TMDb''s export no longer lists.';

-- table: import_ledger_run
CREATE TABLE import_ledger_run (
    year integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    owner text,
    lease_until timestamp with time zone,
    progressed_at timestamp with time zone,
    CONSTRAINT import_ledger_run_pkey PRIMARY KEY (year)
);
COMMENT ON TABLE import_ledger_run IS 'kind: derived | owner: command-side yearimport (YearRuns) | comes back: rebuilt from YearImportStarted, YearImportCompleted, YearImportFailed, PageDiscovered, MovieImported, MovieSkipped and MovieImportFailed; no node holds a rebuilt run, so one claims it again | Year imports running now, resumed by a restarted node.';

-- table: import_ledger_tick
CREATE TABLE import_ledger_tick (
    scheduled_for timestamp with time zone NOT NULL,
    handled_at timestamp with time zone NOT NULL,
    action character varying(32),
    year integer,
    CONSTRAINT import_ledger_tick_pkey PRIMARY KEY (scheduled_for)
);
COMMENT ON TABLE import_ledger_tick IS 'kind: derived | owner: command-side schedule (PassLedger) | comes back: rebuilt from ImportTriggered | The daily import''s ticks already handled and what each did.';

-- table: import_ledger_year
CREATE TABLE import_ledger_year (
    year integer NOT NULL,
    status character varying(16) NOT NULL,
    trigger character varying(16) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT import_ledger_year_pkey PRIMARY KEY (year),
    CONSTRAINT import_ledger_year_status_check CHECK (((status)::text = ANY ((ARRAY['importing'::character varying, 'completed'::character varying, 'failed'::character varying])::text[])))
);
COMMENT ON TABLE import_ledger_year IS 'kind: derived | owner: command-side yearimport (YearRuns) | comes back: rebuilt from YearImportStarted, YearImportCompleted and YearImportFailed | The status of every year ever started, which the pass decides the next year from.';

-- table: import_state
CREATE TABLE import_state (
    key character varying(64) NOT NULL,
    value text,
    "position" bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT import_state_pkey PRIMARY KEY (key)
);
COMMENT ON TABLE import_state IS 'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | The catalogue''s totals for GET /api/import/state.';

-- table: import_state_counts
CREATE TABLE import_state_counts (
    counter character varying(32) NOT NULL,
    movies bigint NOT NULL,
    CONSTRAINT import_state_counts_pkey PRIMARY KEY (counter)
);
COMMENT ON TABLE import_state_counts IS 'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | How many movies TMDb''s export no longer lists.';

-- table: import_state_removal
CREATE TABLE import_state_removal (
    tmdb_id integer NOT NULL,
    removed_at timestamp with time zone,
    "position" bigint NOT NULL,
    CONSTRAINT import_state_removal_pkey PRIMARY KEY (tmdb_id)
);
COMMENT ON TABLE import_state_removal IS 'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | Each movie''s last removal from TMDb''s export or restoration on it (removed_at empty), by its event''s global index: the movies counted as removed.';

-- table: list_entry
CREATE TABLE list_entry (
    list_key character varying(64) NOT NULL,
    imdb_id character varying(16) NOT NULL,
    "position" integer NOT NULL,
    title text,
    year integer,
    status character varying(16) NOT NULL,
    tmdb_id integer,
    attempts integer NOT NULL,
    CONSTRAINT list_entry_pkey PRIMARY KEY (list_key, imdb_id),
    CONSTRAINT list_entry_status_check CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'found'::character varying, 'not_found'::character varying])::text[])))
);
CREATE INDEX list_entry_open_idx ON list_entry USING btree (imdb_id) WHERE ((status)::text = ANY ((ARRAY['pending'::character varying, 'not_found'::character varying])::text[]));
COMMENT ON TABLE list_entry IS 'kind: derived | owner: command-side lists (ListLedger) | comes back: rebuilt from CanonicalListImported, ListEntryFound and ListEntryNotFound | Each member of each canonical list and whether TMDb knows its IMDb id.';

-- table: movie_counts
CREATE TABLE movie_counts (
    counter character varying(32) NOT NULL,
    movies bigint NOT NULL,
    CONSTRAINT movie_counts_pkey PRIMARY KEY (counter)
);
COMMENT ON TABLE movie_counts IS 'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | How many movies are imported, and how many of them TMDb no longer lists.';

-- table: movie_year_counts
CREATE TABLE movie_year_counts (
    year integer NOT NULL,
    movies integer NOT NULL,
    CONSTRAINT movie_year_counts_pkey PRIMARY KEY (year)
);
COMMENT ON TABLE movie_year_counts IS 'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | Each year''s count of movies, for GET /api/movies?year=.';

-- table: movies
CREATE TABLE movies (
    tmdb_id integer NOT NULL,
    imdb_id character varying(16),
    title text,
    release_date date,
    year integer,
    popularity double precision,
    vote_count integer,
    tmdb_data json NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    runtime integer,
    original_language character varying(16),
    removed_from_tmdb_at timestamp with time zone,
    CONSTRAINT movies_pkey PRIMARY KEY (tmdb_id)
);
CREATE INDEX movies_imported_at_idx ON movies USING btree (imported_at);
CREATE INDEX movies_popularity_idx ON movies USING btree (popularity DESC NULLS LAST, tmdb_id);
CREATE INDEX movies_removed_popularity_idx ON movies USING btree (popularity DESC NULLS LAST, tmdb_id) WHERE (removed_from_tmdb_at IS NOT NULL);
CREATE INDEX movies_removed_year_popularity_idx ON movies USING btree (year, popularity DESC NULLS LAST, tmdb_id) WHERE (removed_from_tmdb_at IS NOT NULL);
CREATE INDEX movies_year_popularity_idx ON movies USING btree (year, popularity DESC NULLS LAST, tmdb_id);
ALTER TABLE movies ALTER COLUMN tmdb_data SET STORAGE EXTERNAL;
COMMENT ON TABLE movies IS 'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | Every imported movie with its full TMDb record.';

-- table: projection_replay
CREATE TABLE projection_replay (
    name character varying(64) NOT NULL,
    state character varying(16) NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    reset_position bigint,
    failure text,
    CONSTRAINT projection_replay_pkey PRIMARY KEY (name),
    CONSTRAINT projection_replay_state_check CHECK (((state)::text = ANY ((ARRAY['requested'::character varying, 'rebuilding'::character varying, 'completed'::character varying, 'failed'::character varying])::text[])))
);
COMMENT ON TABLE projection_replay IS 'kind: coordination | owner: query-side replay (ReplayCoordinator) | comes back: recreated empty; every projection is replayed, since a replay under way is forgotten with it | The state of each projection''s latest replay.';

-- table: read_model_versions
CREATE TABLE read_model_versions (
    projection character varying(64) NOT NULL,
    writer integer NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT read_model_versions_pkey PRIMARY KEY (projection, writer)
);
COMMENT ON TABLE read_model_versions IS 'kind: coordination | owner: query-side answers (ReadModelVersions) | comes back: recreated empty; each node reads its kept answers again | How many batches each writer of each projection committed: kept answers are read again when the sum moves.';

-- table: saga_entry
CREATE TABLE saga_entry (
    saga_id character varying(255) NOT NULL,
    revision character varying(255),
    saga_type character varying(255),
    serialized_saga bytea,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);
COMMENT ON TABLE saga_entry IS 'kind: coordination | owner: command-side schedule (Axon''s saga store) | comes back: recreated empty; DailyImportRecovery starts the daily import saga again from the schedule''s events, with its next tick | The daily import saga''s state.';

-- table: scheduled_tasks
CREATE TABLE scheduled_tasks (
    task_name text NOT NULL,
    task_instance text NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by text,
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint,
    CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks USING btree (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks USING btree (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks USING btree (priority DESC, execution_time);
COMMENT ON TABLE scheduled_tasks IS 'kind: coordination | owner: command-side schedule (Axon''s DbSchedulerDeadlineManager) | comes back: recreated empty; DailyImportRecovery schedules the saga''s next tick and its stall checks again | The daily import''s next tick, as an Axon deadline.';

-- table: skipped_import_counts
CREATE TABLE skipped_import_counts (
    counter character varying(32) NOT NULL,
    movies bigint NOT NULL,
    CONSTRAINT skipped_import_counts_pkey PRIMARY KEY (counter)
);
COMMENT ON TABLE skipped_import_counts IS 'kind: projection | owner: query-side skipped (projection skipped-imports) | comes back: replay of skipped-imports | How many movies the quality filter skipped.';

-- table: skipped_imports
CREATE TABLE skipped_imports (
    tmdb_id integer NOT NULL,
    title text,
    year integer,
    source character varying(64) NOT NULL,
    reason character varying(32) NOT NULL,
    criteria_failed text[] NOT NULL,
    skipped_at timestamp with time zone NOT NULL,
    imdb_id character varying(16),
    CONSTRAINT skipped_imports_pkey PRIMARY KEY (tmdb_id)
);
CREATE INDEX skipped_imports_skipped_at_idx ON skipped_imports USING btree (skipped_at);
CREATE INDEX skipped_imports_year_idx ON skipped_imports USING btree (year, tmdb_id);
COMMENT ON TABLE skipped_imports IS 'kind: projection | owner: query-side skipped (projection skipped-imports) | comes back: replay of skipped-imports | Movies the quality filter skipped, with the criteria they failed.';

-- table: snapshot_event_entry
CREATE TABLE snapshot_event_entry (
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number)
);
COMMENT ON TABLE snapshot_event_entry IS 'kind: event store | owner: app axon (Axon''s JDBC storage engine) | comes back: never: part of the event store, restore it from a backup | Snapshots of aggregates; none are taken today.';

-- table: token_entry
CREATE TABLE token_entry (
    processor_name character varying(255) NOT NULL,
    segment integer NOT NULL,
    token bytea,
    token_type character varying(255),
    "timestamp" character varying(255),
    owner character varying(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);
COMMENT ON TABLE token_entry IS 'kind: coordination | owner: app axon (Axon''s token store) | comes back: recreated empty; every projection without tokens is replayed, the other processors start at the head | Each event processor''s position and which node holds each of its segments.';

-- table: year_progress
CREATE TABLE year_progress (
    year integer NOT NULL,
    status character varying(16) NOT NULL,
    trigger character varying(16) NOT NULL,
    tmdb_total integer,
    discovered integer DEFAULT 0 NOT NULL,
    imported integer DEFAULT 0 NOT NULL,
    skipped integer DEFAULT 0 NOT NULL,
    failed integer DEFAULT 0 NOT NULL,
    pages_total integer,
    pages_done integer DEFAULT 0 NOT NULL,
    started_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    last_progress_at timestamp with time zone NOT NULL,
    failure_reason text,
    CONSTRAINT year_progress_pkey PRIMARY KEY (year),
    CONSTRAINT year_progress_status_check CHECK (((status)::text = ANY ((ARRAY['importing'::character varying, 'completed'::character varying, 'failed'::character varying])::text[])))
);
COMMENT ON TABLE year_progress IS 'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | Each year''s import as the dashboard shows it.';

-- table: year_progress_movie
CREATE TABLE year_progress_movie (
    year integer NOT NULL,
    tmdb_id integer NOT NULL,
    outcome character varying(16),
    CONSTRAINT year_progress_movie_outcome_check CHECK (((outcome)::text = ANY ((ARRAY['imported'::character varying, 'skipped'::character varying, 'failed'::character varying])::text[]))),
    CONSTRAINT year_progress_movie_pkey PRIMARY KEY (year, tmdb_id)
);
COMMENT ON TABLE year_progress_movie IS 'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | The movies counted in each year''s progress, each once.';

-- table: year_progress_page
CREATE TABLE year_progress_page (
    year integer NOT NULL,
    window_from date NOT NULL,
    window_to date NOT NULL,
    page integer NOT NULL,
    CONSTRAINT year_progress_page_pkey PRIMARY KEY (year, window_from, window_to, page)
);
COMMENT ON TABLE year_progress_page IS 'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | The first-pass pages counted in each year''s progress, each once.';
