-- Nothing imported yet: every read model empty.
TRUNCATE year_progress, year_progress_movie, import_state, movies, movie_year_counts, skipped_imports,
         import_failures, festival_organizations, festival_ceremonies, festival_categories, festival_nominations,
         canonical_lists, canonical_list_members, projection_replay;
