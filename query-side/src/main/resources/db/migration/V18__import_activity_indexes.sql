-- The import's activity over the last hours (GET /api/import/activity) counts the rows of each outcome by when
-- they were recorded. These indexes let it read only the hours asked for, however many movies there are.
CREATE INDEX movies_imported_at_idx ON movies (imported_at);
CREATE INDEX skipped_imports_skipped_at_idx ON skipped_imports (skipped_at);
CREATE INDEX import_failures_last_attempt_at_idx ON import_failures (last_attempt_at);
