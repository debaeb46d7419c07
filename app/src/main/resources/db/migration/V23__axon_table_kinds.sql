-- Every table says what kind it is, who owns it and how it comes back when it is lost (GET /api/admin/tables
-- reads these comments; TableKindsTest fails for a table without one). The kinds: the event store, the only truth,
-- which nothing rebuilds; projections, rebuilt by a replay; derived state of the command side, rebuilt from the
-- events that made it; and coordination state, recreated empty in a safe state. This migration comments Axon's
-- tables; the command side's and the query side's migrations comment theirs.

COMMENT ON TABLE domain_event_entry IS
    'kind: event store | owner: app axon (Axon''s JDBC storage engine) | comes back: never: the only truth, restore it from a backup | Every event ever recorded, in the order of its global index.';
COMMENT ON TABLE snapshot_event_entry IS
    'kind: event store | owner: app axon (Axon''s JDBC storage engine) | comes back: never: part of the event store, restore it from a backup | Snapshots of aggregates; none are taken today.';
COMMENT ON TABLE token_entry IS
    'kind: coordination | owner: app axon (Axon''s token store) | comes back: recreated empty; every projection without tokens is replayed, the other processors start at the head | Each event processor''s position and which node holds each of its segments.';
COMMENT ON TABLE saga_entry IS
    'kind: coordination | owner: command-side schedule (Axon''s saga store) | comes back: recreated empty; DailyImportRecovery starts the daily import saga again from the schedule''s events, with its next tick | The daily import saga''s state.';
COMMENT ON TABLE association_value_entry IS
    'kind: coordination | owner: command-side schedule (Axon''s saga store) | comes back: recreated empty; DailyImportRecovery puts the saga''s association back with it | Which saga handles the events of which schedule.';
COMMENT ON TABLE dead_letter_entry IS
    'kind: coordination | owner: query-side deadletters (Axon''s dead-letter queue) | comes back: recreated empty; every projection is replayed, which applies the parked events again | Events a projection could not apply, parked with the later events of their sequence.';

-- Rebuilding a table reads the events of a few types: this index finds them without reading the whole store.
CREATE INDEX domain_event_entry_payload_type_idx ON domain_event_entry (payload_type);
