-- Every read model filled by hand, for ReadApiAnswersTest. The application's clock is fixed at
-- 2026-06-15T12:34:56Z: every time below is placed against it (the activity's buckets, a stalled year, the ETA).

INSERT INTO year_progress (year, status, trigger, tmdb_total, discovered, imported, skipped, failed, pages_total,
                           pages_done, started_at, completed_at, last_progress_at, failure_reason) VALUES
    (2026, 'importing', 'schedule', 500, 120, 80, 25, 5, 25, 6,
     '2026-06-15T09:00:00Z', NULL, '2026-06-15T12:30:00Z', NULL),
    (2025, 'completed', 'schedule', 1000, 1000, 700, 250, 50, 50, 50,
     '2026-06-14T10:00:00Z', '2026-06-14T22:00:00Z', '2026-06-14T22:00:00Z', NULL),
    (2024, 'failed', 'admin', 800, 300, 200, 90, 10, 40, 15,
     '2026-06-13T08:00:00Z', NULL, '2026-06-13T09:00:00.123456Z', 'TMDb refused the credentials (HTTP 401).'),
    (2023, 'importing', 'next', 700, 650, 400, 200, 20, 35, 33,
     '2026-06-10T00:00:00Z', NULL, '2026-06-15T08:00:00Z', NULL),
    (2022, 'completed', 'admin', 600, 600, 450, 140, 10, 30, 30,
     '2026-06-01T00:00:00Z', '2026-06-01T06:00:00Z', '2026-06-01T06:00:00Z', NULL),
    (2020, 'completed', 'schedule', 20, 20, 15, 5, 0, 1, 1,
     '2026-05-20T00:00:00Z', '2026-05-20T00:05:00Z', '2026-05-20T00:05:00Z', NULL),
    (1999, 'completed', 'admin', NULL, 0, 0, 0, 0, NULL, 0,
     '2026-05-01T00:00:00Z', '2026-05-01T00:00:01Z', '2026-05-01T00:00:01Z', NULL);

INSERT INTO year_progress_movie (year, tmdb_id, outcome) VALUES
    (2025, 101, 'imported'), (2025, 201, 'skipped'), (2025, 301, 'failed'), (2026, 102, NULL);

INSERT INTO import_state (key, value, position, updated_at) VALUES
    ('tmdb_total_movies', '1234567', 10, '2026-06-15T12:00:00Z'),
    ('last_page_processed', '17', 11, '2026-06-15T12:00:00Z'),
    ('last_full_sync', '2026-06-01T02:00:00Z', 12, '2026-06-01T02:00:00Z'),
    ('last_update_check', '2026-06-14T02:05:00.5Z', 13, '2026-06-14T02:05:00Z'),
    ('current_import_year', '2026', 14, '2026-06-15T09:00:00Z'),
    ('last_completed_year', '2025', 15, '2026-06-14T22:00:00Z'),
    ('last_daily_run', '2026-06-14T02:00:00Z', 16, '2026-06-14T02:00:00Z'),
    ('change_sync_failure', 'TMDb answered 503 for the changes of 2026-06-13.', 17, '2026-06-14T02:06:00Z'),
    ('a_key_no_one_reads', 'ignored', 18, '2026-06-14T02:06:00Z'),
    ('tmdb_total_source', 'discover', 10, '2026-06-15T12:00:00Z'),
    -- A sweep of TMDb's export under way, and the one before it completed.
    ('export_sweep_status', 'sweeping', 22, '2026-06-15T12:10:00Z'),
    ('export_sweep_date', '2026-06-14', 20, '2026-06-15T03:00:00Z'),
    ('export_sweep_started_at', '2026-06-15T03:00:00Z', 20, '2026-06-15T03:00:00Z'),
    ('export_sweep_counted', '1234567', 21, '2026-06-15T03:02:00Z'),
    ('export_sweep_done', '617283', 22, '2026-06-15T12:10:00Z'),
    ('export_sweep_new', '1540', 22, '2026-06-15T12:10:00Z'),
    ('export_sweep_reason', NULL, 20, '2026-06-15T03:00:00Z'),
    ('last_export_sweep_date', '2026-06-13', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_completed_at', '2026-06-14T01:00:00.125Z', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_counted', '1234000', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_new', '2001', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_removed', '3', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_restored', '1', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_removals_withheld', '0', 9, '2026-06-14T01:00:00Z'),
    ('last_export_sweep_removal_limit', '12340', 9, '2026-06-14T01:00:00Z');

INSERT INTO import_state_counts (counter, movies) VALUES ('removed_from_tmdb', 3);
INSERT INTO import_state_removal (tmdb_id, removed_at, position) VALUES
    (106, '2026-06-14T03:00:00Z', 10), (202, '2026-06-14T03:00:00Z', 11), (117, '2026-06-15T03:00:00.25Z', 21),
    (108, NULL, 12);

INSERT INTO movies (tmdb_id, imdb_id, title, release_date, year, popularity, vote_count, tmdb_data, imported_at,
                    runtime, original_language) VALUES
    (101, 'tt0314331', 'Love Actually', '2025-11-14', 2025, 42.5, 9001,
     '{"id": 101, "title": "Love Actually", "popularity": 42.50, "adult": false, "budget": 40000000000,
       "genres": [{"id": 35, "name": "Comedy"}, {"id": 10749, "name": "Romance"}],
       "overview": "He said \"hi\".\n\tThen: tabs, \\ slashes / and \u00e9.", "nothing": null, "empty": {},
       "list": [], "float": 1.5e3, "tiny": 0.000001, "negative": -7}',
     '2026-06-15T12:34:10Z', 135, 'en'),
    (102, 'tt0000102', 'LOVE & Thunder', '2026-07-08', 2026, 42.5, 120,
     '{"id": 102, "title": "LOVE & Thunder", "credits": {"cast": [{"name": "Ωmega", "order": 0}]}}',
     '2026-06-15T12:33:59Z', 119, 'en'),
    (103, 'tt0211915', 'Amélie', '2025-04-25', 2025, 30.25, 11000,
     '{"id": 103, "title": "Amélie", "original_title": "Le Fabuleux Destin d''Amélie Poulain"}',
     '2026-06-15T12:00:00Z', 122, 'fr'),
    (104, 'tt0245429', '千と千尋の神隠し', '2025-07-20', 2025, 88.0, 16000,
     '{"id": 104, "title": "千と千尋の神隠し", "keywords": {"keywords": [{"id": 1, "name": "神"}]}}',
     '2026-06-15T10:00:00Z', 125, 'ja'),
    (105, NULL, '🎬 The Premiere', NULL, 2025, NULL, NULL, '{"id": 105}', '2026-06-15T06:35:00Z', NULL, NULL),
    (106, 'tt0000106', '100% Love', '2025-02-14', 2025, 5.5, 12, '{"id": 106, "title": "100% Love"}',
     '2026-06-15T06:34:59Z', 90, 'hi'),
    (107, 'tt0000107', 'Under_score Story', '2025-03-01', 2025, 5.5, 3, '{"id": 107}',
     '2026-06-14T08:00:00Z', 95, 'en'),
    (108, 'tt0000108', 'Back\Slash', '2025-03-02', 2025, 1.0, 0, '{"id": 108, "path": "C:\\films\\back"}',
     '2026-06-13T12:45:00Z', 80, 'en'),
    (109, 'tt0000109', 'Ωmega ς', '2024-01-01', 2024, 3.75, 50, '{"id": 109}',
     '2026-06-13T12:44:59Z', 101, 'el'),
    (110, 'tt0000110', 'Straße der Liebe', '2024-02-02', 2024, 12.0, 400, '{"id": 110}',
     '2026-06-15T12:35:00Z', 88, 'de'),
    (111, 'tt0000111', NULL, '2024-03-03', 2024, NULL, 7, '{"id": 111}', '2025-12-31T23:59:59Z', NULL, 'en'),
    (112, 'tt0000112', '', '2024-04-04', 2024, 0.0, 1, '{"id": 112}', '2026-06-15T11:59:59.999999Z', 60, 'en'),
    (113, 'tt0000113', 'x%_\mix', '2024-05-05', 2024, 0.6, 15, '{"id": 113}', '2026-06-15T12:34:00Z', 70, 'en'),
    (114, 'tt0000114', 'İstanbul Love', '2024-06-06', 2024, 19.99, 250, '{"id": 114}',
     '2026-06-15T12:34:00Z', 111, 'tr'),
    (115, 'tt0000115', 'An Older Film', '2020-01-01', 2020, 2.0, 30, '{"id": 115}', '2026-05-20T00:01:00Z', 99, 'en'),
    (116, 'tt0000116', 'Another Older Film', '2020-12-31', 2020, 2.0, 30, '{"id": 116}',
     '2026-05-20T00:02:00Z', 99, 'en'),
    (117, NULL, 'No Year At All', NULL, NULL, 0.1, NULL, '{"id": 117}', '2026-06-15T12:20:00Z', NULL, NULL),
    (118, 'tt0000118', 'Love in 2026', '2026-01-01', 2026, 7.0, 70, '{"id": 118}', '2026-06-15T12:21:00Z', 100, 'en'),
    (119, 'tt0000119', 'Another 2026 Love', '2026-02-01', 2026, NULL, 70, '{"id": 119}',
     '2026-06-15T12:22:00Z', 100, 'en'),
    (120, 'tt0000120', 'The 2026 Sequel', '2026-03-01', 2026, 7.0, 71, '{"id": 120}',
     '2026-06-15T12:22:30Z', 100, 'en');

INSERT INTO movie_year_counts (year, movies) VALUES (2026, 4), (2025, 8), (2024, 6), (2020, 2);

-- Two movies TMDb's export no longer lists, one of them of no year; a skipped one too (counted in
-- import_state_counts only).
UPDATE movies SET removed_from_tmdb_at = '2026-06-14T03:00:00Z' WHERE tmdb_id = 106;
UPDATE movies SET removed_from_tmdb_at = '2026-06-15T03:00:00.25Z' WHERE tmdb_id = 117;
INSERT INTO movie_counts (counter, movies) VALUES ('imported', 20), ('removed', 2);

INSERT INTO skipped_imports (tmdb_id, imdb_id, title, year, source, reason, criteria_failed, skipped_at) VALUES
    (201, 'tt0000201', 'Skipped Love', 2025, 'year_import', 'quality', '{has_poster,has_votes}',
     '2026-06-15T12:34:30Z'),
    (202, NULL, 'Sans Affiche', 2025, 'year_import', 'quality', '{has_poster}', '2026-06-15T12:34:30Z'),
    (203, 'tt0000203', NULL, 2024, 'festival:AMPAS', 'quality',
     '{has_poster,has_votes,has_popularity,has_release_date}', '2026-06-15T07:00:00Z'),
    (204, 'tt0000204', '50% Off_Peak', 2024, 'list:top-250', 'quality', '{has_votes,has_popularity}',
     '2026-06-14T09:00:00Z'),
    (205, NULL, 'Ωmega Skipped', NULL, 'year_import', 'quality', '{}', '2026-06-13T12:44:59Z'),
    (206, 'tt0000206', 'Kein Poster', 2023, 'year_import', 'quality', '{has_release_date,has_poster}',
     '2026-06-13T13:00:00Z'),
    (207, NULL, 'A\B', 2023, 'year_import', 'quality', '{has_popularity}', '2025-01-01T00:00:00Z'),
    (208, NULL, '千と', 2026, 'year_import', 'quality', '{has_votes}', '2026-06-15T12:34:56Z');

INSERT INTO import_failures (source, tmdb_id, imdb_id, title, year, reason, retry_count, detail, last_attempt_at,
                             subject) VALUES
    ('year_import', 301, NULL, 'Failed Love', 2025, 'http_error', 2, 'TMDb answered 503 after 5 attempts',
     '2026-06-15T12:34:30Z', '301'),
    ('year_import', 302, 'tt0000302', NULL, 2025, 'not_found', 0, NULL, '2026-06-15T12:34:30Z', '302'),
    ('year_import', 303, NULL, 'Broken_JSON', 2024, 'malformed_response', 1, 'Unexpected end of input',
     '2026-06-14T09:30:00Z', '303'),
    ('festival:AMPAS', NULL, NULL, 'Past Lives', 2023, 'no_tmdb_match', 1,
     'AMPAS 2024, Best Picture: no TMDb movie titled Past Lives from 2022 to 2024',
     '2026-06-15T12:34:30Z', '2024|Best Picture|0b5a0c0e8a3c4d2f9e1a6b7c8d9e0f1a'),
    ('festival:AMPAS', 304, 'tt0000304', 'Matched But Failed', 2023, 'http_error', 3, 'TMDb answered 500',
     '2026-06-13T12:45:00Z', '304'),
    ('list:top-250', NULL, 'tt9999001', 'Unknown 100% Film', 1950, 'not_found', 0,
     'TMDb knows no movie of IMDb id tt9999001', '2026-06-15T06:35:00Z', 'tt9999001'),
    ('list:top-250', 305, 'tt0000305', 'Liste Échec', 1960, 'http_error', 4, NULL, '2026-06-15T06:34:59Z',
     'tt0000305'),
    ('list:replayed', 306, 'tt0000306', 'Replayed_Failure', NULL, 'malformed_response', 0, NULL,
     '2024-01-01T00:00:00Z', 'tt0000306'),
    ('year_import', 307, NULL, 'Ωmega Failure', 2026, 'not_found', 1, NULL, '2026-06-15T12:10:00Z', '307');

INSERT INTO skipped_import_counts (counter, movies) VALUES ('skipped', 8);
INSERT INTO failed_movies (tmdb_id) VALUES (301), (302), (303), (304), (305), (306), (307);
INSERT INTO import_failure_counts (counter, movies) VALUES ('failed', 7);

INSERT INTO festival_organizations (abbreviation, name, registered_at) VALUES
    ('AMPAS', 'Academy of Motion Picture Arts and Sciences', '2026-06-01T00:00:00Z'),
    ('CANNES', 'Festival de Cannes', '2026-06-02T00:00:00Z'),
    ('BAFTA', 'British Academy of Film and Television Arts', '2026-06-03T00:00:00Z');

INSERT INTO festival_ceremonies (organization, year, ceremony_number, source_url, content_hash, scraped_at) VALUES
    ('AMPAS', 2024, 96, 'https://www.oscars.org/oscars/ceremonies/2024', repeat('a', 64), '2026-06-10T10:00:00Z'),
    ('AMPAS', 2023, 95, 'https://www.oscars.org/oscars/ceremonies/2023', repeat('b', 64),
     '2026-06-10T10:00:01.5Z'),
    ('AMPAS', 2020, 92, 'https://www.oscars.org/oscars/ceremonies/2020', repeat('c', 64), '2026-06-10T10:00:02Z'),
    ('BAFTA', 2024, 77, 'https://www.bafta.org/film/awards/2024', repeat('d', 64), '2026-06-11T00:00:00Z');

INSERT INTO festival_categories (organization, year, name, position) VALUES
    ('AMPAS', 2024, 'Best Picture', 0),
    ('AMPAS', 2024, 'Directing', 1),
    ('AMPAS', 2024, 'Documentary Short Film', 2),
    ('AMPAS', 2023, 'Best Picture', 0),
    ('AMPAS', 2020, 'Best Picture', 0),
    ('BAFTA', 2024, 'Best Film', 0);

INSERT INTO festival_nominations (organization, year, category, nomination_key, film, names, detail, winner,
                                  position, tmdb_id, imdb_id) VALUES
    ('AMPAS', 2024, 'Best Picture', repeat('1', 32), 'Oppenheimer', '{Emma Thomas,Charles Roven,Christopher Nolan}',
     NULL, TRUE, 0, 101, 'tt0314331'),
    ('AMPAS', 2024, 'Best Picture', repeat('2', 32), 'Amélie', '{Producers}', NULL, FALSE, 1, 103, 'tt0211915'),
    ('AMPAS', 2024, 'Best Picture', repeat('3', 32), 'Past Lives', '{}', NULL, FALSE, 2, NULL, NULL),
    ('AMPAS', 2024, 'Directing', repeat('4', 32), 'Oppenheimer', '{Christopher Nolan}', NULL, TRUE, 3, 101,
     'tt0314331'),
    ('AMPAS', 2024, 'Directing', repeat('5', 32), '千と千尋の神隠し', '{宮崎 駿,"Name, With Comma","Quote \"q\""}',
     'Directed with care', FALSE, 4, 104, 'tt0245429'),
    ('AMPAS', 2024, 'Honorary Award', repeat('6', 32), NULL, '{Angela Bassett}',
     'For her dignity and grace', TRUE, 5, NULL, NULL),
    ('AMPAS', 2023, 'Best Picture', repeat('7', 32), 'Everything Everywhere All at Once', '{Daniel Kwan}', NULL,
     TRUE, 0, NULL, NULL),
    ('BAFTA', 2024, 'Best Film', repeat('8', 32), 'Oppenheimer', '{Emma Thomas}', NULL, TRUE, 0, 101, 'tt0314331');

INSERT INTO canonical_lists (list_key, content_hash, imported_at) VALUES
    ('top-250', repeat('e', 64), '2026-06-12T08:00:00Z'),
    ('replayed', repeat('f', 64), '2026-06-12T09:00:00.25Z'),
    ('empty-list', repeat('0', 64), '2026-06-12T10:00:00Z');

INSERT INTO canonical_list_members (list_key, imdb_id, position, title, year, status, tmdb_id, reason, attempts) VALUES
    ('top-250', 'tt0314331', 0, 'Love Actually', 2003, 'found', 101, NULL, 1),
    ('top-250', 'tt0000201', 1, 'Skipped Love', 2025, 'found', 201, NULL, 1),
    ('top-250', 'tt0000305', 2, 'Liste Échec', 1960, 'found', 305, NULL, 2),
    ('top-250', 'tt0000399', 3, 'Found, Not Yet Imported', NULL, 'found', 399, NULL, 1),
    ('top-250', 'tt9999001', 4, 'Unknown 100% Film', 1950, 'not_found', NULL, 'not_found', 3),
    ('top-250', 'tt9999002', 5, NULL, NULL, 'not_found', NULL, 'http_error', 1),
    ('top-250', 'tt9999003', 6, 'Pending One', 1970, 'pending', NULL, NULL, 0),
    ('top-250', 'tt9999004', 7, 'Pending Two', NULL, 'pending', NULL, NULL, 0),
    ('top-250', 'tt0211915', 8, 'Amélie', 2001, 'found', 103, NULL, 1),
    ('replayed', 'tt0000306', 0, 'Replayed_Failure', NULL, 'found', 306, NULL, 1),
    ('replayed', 'tt0245429', 1, '千と千尋の神隠し', 2001, 'found', 104, NULL, 1);

INSERT INTO projection_replay (name, state, requested_at, started_at, completed_at, reset_position, failure) VALUES
    ('movies', 'completed', '2026-06-14T01:00:00Z', '2026-06-14T01:00:01Z', '2026-06-14T01:05:00Z', 1234, NULL),
    ('lists', 'failed', '2026-06-14T02:00:00Z', NULL, '2026-06-14T02:00:01Z', NULL, 'Table canonical_lists exists neither live nor as a remembered shape');
