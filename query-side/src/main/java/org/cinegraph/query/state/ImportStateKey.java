package org.cinegraph.query.state;

/** The keys of {@code import_state}, the same the old system had. */
enum ImportStateKey {
    TMDB_TOTAL_MOVIES("tmdb_total_movies"),
    LAST_PAGE_PROCESSED("last_page_processed"),
    LAST_FULL_SYNC("last_full_sync"),
    LAST_UPDATE_CHECK("last_update_check"),
    CURRENT_IMPORT_YEAR("current_import_year"),
    LAST_COMPLETED_YEAR("last_completed_year");

    private final String key;

    ImportStateKey(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
