-- What kind each of the query side's tables is, who owns it and how it comes back when it is lost (see
-- V23__axon_table_kinds.sql). A projection's tables come back by a replay of the projection, by hand
-- (POST /api/admin/projections/{name}/replay) or by itself when a node starts and finds one missing.

COMMENT ON TABLE year_progress IS
    'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | Each year''s import as the dashboard shows it.';
COMMENT ON TABLE year_progress_movie IS
    'kind: projection | owner: query-side progress (projection year-progress) | comes back: replay of year-progress | The movies counted in each year''s progress, each once.';
COMMENT ON TABLE import_state IS
    'kind: projection | owner: query-side state (projection import-state) | comes back: replay of import-state | The catalogue''s totals for GET /api/import/state.';
COMMENT ON TABLE movies IS
    'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | Every imported movie with its full TMDb record.';
COMMENT ON TABLE movie_year_counts IS
    'kind: projection | owner: query-side movies (projection movies) | comes back: replay of movies | Each year''s count of movies, for GET /api/movies?year=.';
COMMENT ON TABLE skipped_imports IS
    'kind: projection | owner: query-side skipped (projection skipped-imports) | comes back: replay of skipped-imports | Movies the quality filter skipped, with the criteria they failed.';
COMMENT ON TABLE import_failures IS
    'kind: projection | owner: query-side failures (projection import-failures) | comes back: replay of import-failures | Lookups that failed and have not succeeded since.';
COMMENT ON TABLE festival_organizations IS
    'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | The festivals whose nominations are recorded.';
COMMENT ON TABLE festival_ceremonies IS
    'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each ceremony scraped.';
COMMENT ON TABLE festival_categories IS
    'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each ceremony''s categories.';
COMMENT ON TABLE festival_nominations IS
    'kind: projection | owner: query-side festivals (projection festivals) | comes back: replay of festivals | Each nomination and the TMDb movie it is matched to.';
COMMENT ON TABLE canonical_lists IS
    'kind: projection | owner: query-side lists (projection lists) | comes back: replay of lists | The canonical lists uploaded.';
COMMENT ON TABLE canonical_list_members IS
    'kind: projection | owner: query-side lists (projection lists) | comes back: replay of lists | Each list''s members and the TMDb movies they are.';
COMMENT ON TABLE projection_replay IS
    'kind: coordination | owner: query-side replay (ReplayCoordinator) | comes back: recreated empty; every projection is replayed, since a replay under way is forgotten with it | The state of each projection''s latest replay.';
