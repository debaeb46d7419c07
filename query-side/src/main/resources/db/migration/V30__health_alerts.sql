-- The announcements of the import health's changes to the webhook (GET /api/admin/alerts), sent or failed: a row
-- per HealthAlertSent or HealthAlertFailed, keyed by the event, listed newest first.
CREATE TABLE health_alerts (
    event_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    previous_status VARCHAR(16),
    message         TEXT         NOT NULL,
    node            VARCHAR(255) NOT NULL,
    receiver        VARCHAR(255) NOT NULL,
    attempts        INTEGER      NOT NULL,
    reason          TEXT
);
CREATE INDEX health_alerts_at_idx ON health_alerts (at DESC, event_id DESC);

COMMENT ON TABLE health_alerts IS
    'kind: projection | owner: query-side alerts (projection health-alerts) | comes back: replay of health-alerts | Each announcement of a change of the import''s health to the webhook, sent or failed.';
