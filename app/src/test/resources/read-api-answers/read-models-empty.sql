-- Nothing imported yet: every read model empty.
TRUNCATE year_progress, year_progress_movie, year_progress_page, import_state, import_state_counts,
         import_state_removal, movies, movie_year_counts, movie_counts, skipped_imports, skipped_import_counts,
         import_failures, failed_movies, import_failure_counts,
         festival_organizations, festival_ceremonies, festival_categories, festival_nominations,
         canonical_lists, canonical_list_members, projection_replay;
