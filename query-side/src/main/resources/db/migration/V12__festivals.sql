-- The festivals read models: organizations, ceremonies, categories and nominations. Projections own these
-- tables; every row can be rebuilt from the events:
-- FestivalOrganizationRegistered, CeremonyScraped, NominationRecorded, NominationWithdrawn.

CREATE TABLE festival_organizations (
    abbreviation  VARCHAR(16) NOT NULL PRIMARY KEY,
    name          TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE festival_ceremonies (
    organization    VARCHAR(16) NOT NULL,
    year            INTEGER     NOT NULL,
    ceremony_number INTEGER     NOT NULL,
    source_url      TEXT        NOT NULL,
    content_hash    VARCHAR(64) NOT NULL,
    scraped_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization, year)
);

-- A ceremony's categories in page order, as its latest reading listed them.
CREATE TABLE festival_categories (
    organization VARCHAR(16) NOT NULL,
    year         INTEGER     NOT NULL,
    name         TEXT        NOT NULL,
    position     INTEGER     NOT NULL,
    PRIMARY KEY (organization, year, name)
);

-- Each nomination, known by what it is (category, film, names, detail: nomination_key is their md5), in the
-- order recorded. An unmatched nomination is still a row, with no movie.
CREATE TABLE festival_nominations (
    organization   VARCHAR(16) NOT NULL,
    year           INTEGER     NOT NULL,
    category       TEXT        NOT NULL,
    nomination_key VARCHAR(32) NOT NULL,
    film           TEXT,
    names          TEXT[]      NOT NULL,
    detail         TEXT,
    winner         BOOLEAN     NOT NULL,
    position       INTEGER     NOT NULL,
    tmdb_id        INTEGER,
    imdb_id        VARCHAR(16),
    PRIMARY KEY (organization, year, category, nomination_key)
);
CREATE INDEX festival_nominations_ceremony_idx ON festival_nominations (organization, year, position);
