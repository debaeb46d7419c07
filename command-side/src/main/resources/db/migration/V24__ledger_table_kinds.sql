-- What kind each of the command side's tables is, who owns it and how it comes back when it is lost (see
-- V23__axon_table_kinds.sql). The derived tables are rebuilt from the events named, in the order they were stored,
-- by the table's owner (command-side tables package: DerivedTable).

COMMENT ON TABLE import_ledger_run IS
    'kind: derived | owner: command-side yearimport (YearRuns) | comes back: rebuilt from YearImportStarted, YearImportCompleted, YearImportFailed, PageDiscovered, MovieImported, MovieSkipped and MovieImportFailed; no node holds a rebuilt run, so one claims it again | Year imports running now, resumed by a restarted node.';
COMMENT ON TABLE import_ledger_page IS
    'kind: derived | owner: command-side yearimport (PageLedger) | comes back: rebuilt from YearImportStarted and PageDiscovered | Discover pages read by each run of a year, each once per window and pass.';
COMMENT ON TABLE import_ledger_discovered IS
    'kind: derived | owner: command-side yearimport (PageLedger) | comes back: rebuilt from PageDiscovered | The movies each year''s discover pages listed, each once.';
COMMENT ON TABLE import_ledger_outcome IS
    'kind: derived | owner: command-side catalogue (OutcomeLedger) | comes back: rebuilt from MovieImported, MovieSkipped, MovieImportFailed and MovieUpdated | The outcome of every movie fetched, at most one per movie, and its content hash.';
COMMENT ON TABLE import_ledger_year IS
    'kind: derived | owner: command-side yearimport (YearRuns) | comes back: rebuilt from YearImportStarted, YearImportCompleted and YearImportFailed | The status of every year ever started, which the pass decides the next year from.';
COMMENT ON TABLE import_ledger_tick IS
    'kind: derived | owner: command-side schedule (PassLedger) | comes back: rebuilt from ImportTriggered | The daily import''s ticks already handled and what each did.';
COMMENT ON TABLE import_ledger_full_sync IS
    'kind: derived | owner: command-side schedule (PassLedger) | comes back: rebuilt from FullSyncCompleted and YearImportStarted | Year ranges whose every year is completed, recorded once.';
COMMENT ON TABLE import_ledger_change_sync IS
    'kind: derived | owner: command-side changes (ChangeLedger) | comes back: rebuilt from ChangeFeedRead and ChangeSyncCompleted; no node holds a rebuilt sync, so one claims it again | How far TMDb''s change feed was read, and which node runs the delta sync.';
COMMENT ON TABLE festival_match IS
    'kind: derived | owner: command-side festival (MatchLedger) | comes back: rebuilt from NominationRecorded (with the IMDb ids of the bundled oscars.csv), NominationMatched, NominationMatchFailed and NominationWithdrawn | Each nomination of a recorded ceremony and whether its film is matched to a TMDb movie.';
COMMENT ON TABLE festival_ceremony_failure IS
    'kind: derived | owner: command-side festival (CeremonyFailures) | comes back: rebuilt from CeremonyImportFailed and CeremonyImportResolved | Ceremonies whose import failed and has not succeeded since.';
COMMENT ON TABLE list_entry IS
    'kind: derived | owner: command-side lists (ListLedger) | comes back: rebuilt from CanonicalListImported, ListEntryFound and ListEntryNotFound | Each member of each canonical list and whether TMDb knows its IMDb id.';
COMMENT ON TABLE scheduled_tasks IS
    'kind: coordination | owner: command-side schedule (Axon''s DbSchedulerDeadlineManager) | comes back: recreated empty; DailyImportRecovery schedules the saga''s next tick and its stall checks again | The daily import''s next tick, as an Axon deadline.';
