-- How often each writer of each projection has committed: the dashboard's hottest reads are served from answers a
-- node keeps in memory, tagged with the sum of these counts when they were read, and read again once the sum has
-- moved (a projection committed since). The count goes up in the transaction of the rows it stands for, so an answer
-- is never older than the projection's last batch, on any node. One row per writer (a segment of the projection's
-- processor; -1 a dead letter's retry, -2 a replay's swap or reset), so that segments never wait for each other.
CREATE TABLE read_model_versions (
    projection VARCHAR(64) NOT NULL,
    writer     INTEGER     NOT NULL,
    version    BIGINT      NOT NULL,
    PRIMARY KEY (projection, writer)
);

COMMENT ON TABLE read_model_versions IS
    'kind: coordination | owner: query-side answers (ReadModelVersions) | comes back: recreated empty; each node reads its kept answers again | How many batches each writer of each projection committed: kept answers are read again when the sum moves.';
