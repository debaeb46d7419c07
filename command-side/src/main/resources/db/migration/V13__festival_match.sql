-- The command side's ledger of festival matching: what it knows to match a nominated film to a TMDb movie, and
-- which nominations are matched. As with the import ledger, each row is written in the transaction of the event
-- it guards; the dashboard never reads them.

-- What the importer knows of each movie it recorded an outcome for, to find a movie again without asking TMDb:
-- its IMDb id, its title's key (TitleKey: lower case, no accents or punctuation) and the year it was
-- released in; and the source that recorded the outcome, so a failure is retried as what it was.
ALTER TABLE import_ledger_outcome ADD COLUMN source       VARCHAR(80) NOT NULL DEFAULT 'year_import';
ALTER TABLE import_ledger_outcome ADD COLUMN imdb_id      VARCHAR(16);
ALTER TABLE import_ledger_outcome ADD COLUMN title_key    TEXT;
ALTER TABLE import_ledger_outcome ADD COLUMN release_year INTEGER;
ALTER TABLE import_ledger_outcome ALTER COLUMN source DROP DEFAULT;
CREATE INDEX import_ledger_outcome_imdb_idx ON import_ledger_outcome (imdb_id) WHERE imdb_id IS NOT NULL;
CREATE INDEX import_ledger_outcome_title_idx ON import_ledger_outcome (title_key, release_year);
CREATE INDEX import_ledger_outcome_failed_idx ON import_ledger_outcome (source) WHERE outcome = 'failed';

-- Each nomination of a recorded ceremony and whether its film is matched to a TMDb movie. A nomination is known
-- as the festivals projection knows it: category, and the md5 of its film, names and detail.
CREATE TABLE festival_match (
    organization    VARCHAR(16) NOT NULL,
    year            INTEGER     NOT NULL,
    category        TEXT        NOT NULL,
    nomination_key  VARCHAR(32) NOT NULL,
    film            TEXT,
    names           TEXT[]      NOT NULL,
    detail          TEXT,
    film_key        TEXT,
    film_year       INTEGER     NOT NULL,
    imdb_id         VARCHAR(16),
    tmdb_id         INTEGER,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'matched', 'unmatched', 'no_film')),
    attempts        INTEGER     NOT NULL,
    PRIMARY KEY (organization, year, category, nomination_key)
);
CREATE INDEX festival_match_open_film_idx ON festival_match (film_key) WHERE status IN ('pending', 'unmatched');
CREATE INDEX festival_match_open_imdb_idx ON festival_match (imdb_id) WHERE status IN ('pending', 'unmatched');
