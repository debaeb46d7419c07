-- The command side's ledger of running year imports. Each row is written in the same transaction as the
-- event it guards, and its unique key makes that event happen once: a page read twice, a movie listed in
-- two windows, a retried or resumed import never append a second event. Everything here follows from the
-- events (PageDiscovered, MovieImported, MovieSkipped, MovieImportFailed, YearImportStarted and its ends);
-- the dashboard never reads it.

-- Year imports that are running, so that a restarted node resumes them. A new run of a year replaces the row
-- of its earlier one; a run that ends removes only its own row.
CREATE TABLE import_ledger_run (
    year       INTEGER     NOT NULL PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);

-- Discover pages read in a run of a year, per window (a window is known by its first day). A new run of
-- the year reads every page again, to find the movies TMDb has added since.
-- A window is read in passes: when TMDb's count of the window changed while a pass read it, movies may have
-- shifted onto pages already read, and the window is read again. total_results and total_pages are what
-- TMDb said when the page was read; a resumed run reads the pages a window gained since it was planned.
CREATE TABLE import_ledger_page (
    year           INTEGER     NOT NULL,
    run_started_at TIMESTAMPTZ NOT NULL,
    window_from    DATE        NOT NULL,
    pass           INTEGER     NOT NULL,
    page           INTEGER     NOT NULL,
    total_results  INTEGER     NOT NULL,
    total_pages    INTEGER     NOT NULL,
    PRIMARY KEY (year, run_started_at, window_from, pass, page)
);

-- Distinct movies discovered per year: a movie seen twice counts once.
CREATE TABLE import_ledger_discovered (
    year    INTEGER NOT NULL,
    tmdb_id INTEGER NOT NULL,
    title   TEXT,
    PRIMARY KEY (year, tmdb_id)
);

-- The outcome of each movie's import: at most one per movie. A failure may later be replaced by an import
-- or a skip; an import or a skip is final.
CREATE TABLE import_ledger_outcome (
    tmdb_id     INTEGER     NOT NULL PRIMARY KEY,
    year        INTEGER,
    outcome     VARCHAR(16) NOT NULL CHECK (outcome IN ('imported', 'skipped', 'failed')),
    attempts    INTEGER     NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
