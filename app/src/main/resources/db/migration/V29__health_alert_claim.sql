-- Which change of the import's health was announced to the webhook (cinegraph.alerts.webhook-url), so that nodes
-- sharing the database announce each change once: one row, which a node claims (owner, lease_until) before it POSTs
-- and marks announced once the webhook took it. A node that dies while it sends leaves a claim whose lease runs out,
-- and another sends again. A failed sending is retried from retry_at on. One node at a time judges and announces
-- (announcer, renewed at each of its checks until announcer_until): nodes may judge the health differently (their
-- roles, their settings), and two announcing in turn would POST each other's status back and forth.
CREATE TABLE health_alert_claim (
    id           SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    announced    VARCHAR(16),
    announced_at TIMESTAMPTZ,
    owner        VARCHAR(255),
    lease_until  TIMESTAMPTZ,
    retry_at     TIMESTAMPTZ,
    announcer       VARCHAR(255),
    announcer_until TIMESTAMPTZ
);

COMMENT ON TABLE health_alert_claim IS
    'kind: coordination | owner: app alerts (HealthAlerts) | comes back: recreated empty; the next check announces the health once more, unless it is ok | The last status of the import''s health announced to the webhook, and the claim of the node announcing a change.';
