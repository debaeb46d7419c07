-- The years an admin put first in the pass's order (POST /api/admin/imports/priority), still waiting, in that
-- order. Written in the transaction of the YearsPrioritized that sets them (which replaces every row), and a row
-- deleted in the transaction of its year's YearImportCompleted: a year leaves the priority once it is completed.
-- The pass reads it under its lock, with the years' statuses, to choose the next year.
CREATE TABLE import_ledger_priority (
    year           INTEGER     NOT NULL PRIMARY KEY,
    rank           INTEGER     NOT NULL UNIQUE,
    prioritized_at TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE import_ledger_priority IS
    'kind: derived | owner: command-side schedule (PriorityYears) | comes back: rebuilt from YearsPrioritized, YearImportStarted and YearImportCompleted | The years an admin put first in the pass''s order that are not completed yet, in that order.';
