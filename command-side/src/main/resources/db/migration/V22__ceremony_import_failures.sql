-- The command side's record of the ceremonies whose import failed and has not succeeded since. As with
-- festival_match, each row is written in the transaction of the event it guards (CeremonyImportFailed, and
-- CeremonyImportResolved when it is deleted), so a failure is counted once per attempt and resolved once. A
-- retry of festival:AMPAS reads the years to import again from here, on a node that may run no projection.
CREATE TABLE festival_ceremony_failure (
    organization VARCHAR(16) NOT NULL,
    year         INTEGER     NOT NULL,
    attempts     INTEGER     NOT NULL,
    PRIMARY KEY (organization, year)
);
