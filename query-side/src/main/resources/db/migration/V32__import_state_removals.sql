-- A removal from TMDb (or a restoration) can reach the import-state projection twice (a pooled processor's segment
-- that gets an event again once a gap of the store's global index fills, a node killed between batches), even after a
-- later event of the same movie. import_state_counts added one for each removal and took one for each restoration,
-- so a removal given twice counted twice. The projection now records here each movie's last removal or restoration,
-- by the event's global index, and changes the count only when a movie's row changes from restored to removed or
-- back. Not filled from import_state_counts, which has only a count: a restoration of a movie removed before this
-- ran, which finds no row, takes it from the count; a replay of import-state fills it for every movie.
CREATE TABLE import_state_removal (
    tmdb_id    INTEGER     NOT NULL PRIMARY KEY,
    removed_at TIMESTAMPTZ,
    position   BIGINT      NOT NULL
);

COMMENT ON TABLE import_state_removal IS
    'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | Each movie''s last removal from TMDb''s export or restoration on it (removed_at empty), by its event''s global index: the movies counted as removed.';

-- A rebuild of import-state under way while this runs finds no copy of this table and starts over: its copy of the
-- count cannot say which movies it counted.
