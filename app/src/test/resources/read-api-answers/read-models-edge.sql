-- The same read models at their edges: TMDb's total read as 0, credentials refused by the last delta sync, the
-- daily run two days late, keys never set, every year of the range completed, and the sweep of TMDb's export failed
-- after one that withheld its removals.
UPDATE import_state SET value = '0' WHERE key = 'tmdb_total_movies';
UPDATE import_state SET value = '2026-06-12T23:00:00Z' WHERE key = 'last_daily_run';
DELETE FROM import_state WHERE key IN ('last_page_processed', 'current_import_year');
INSERT INTO import_state (key, value, position, updated_at)
VALUES ('change_sync_credentials_rejected', 'true', 19, '2026-06-14T02:06:00Z');
UPDATE import_state SET value = 'failed' WHERE key = 'export_sweep_status';
UPDATE import_state SET value = 'TMDb''s export of 2026-06-14 was cut short after 812,345 lines.'
 WHERE key IN ('export_sweep_reason');
INSERT INTO import_state (key, value, position, updated_at)
VALUES ('export_sweep_failure', 'TMDb''s export of 2026-06-14 was cut short after 812,345 lines.', 23,
        '2026-06-15T12:20:00Z');
UPDATE import_state SET value = '40000' WHERE key = 'last_export_sweep_removals_withheld';
UPDATE year_progress SET status = 'completed', completed_at = last_progress_at WHERE status = 'importing';
INSERT INTO year_progress (year, status, trigger, tmdb_total, discovered, imported, skipped, failed, pages_total,
                           pages_done, started_at, completed_at, last_progress_at, failure_reason)
SELECT y, 'completed', 'schedule', 0, 0, 0, 0, 0, 0, 0, '2026-05-02T00:00:00Z', '2026-05-02T00:00:00Z',
       '2026-05-02T00:00:00Z', NULL
  FROM generate_series(2015, 2021) AS y WHERE y <> 2020;
UPDATE year_progress SET status = 'completed', completed_at = last_progress_at, failure_reason = NULL
 WHERE year = 2024;
