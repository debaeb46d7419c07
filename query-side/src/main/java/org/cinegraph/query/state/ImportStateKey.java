package org.cinegraph.query.state;

/** The keys of {@code import_state}: the old system's, and a few the sync's health needs. */
enum ImportStateKey {
    TMDB_TOTAL_MOVIES("tmdb_total_movies"),
    LAST_PAGE_PROCESSED("last_page_processed"),
    LAST_FULL_SYNC("last_full_sync"),
    LAST_UPDATE_CHECK("last_update_check"),
    CURRENT_IMPORT_YEAR("current_import_year"),
    LAST_COMPLETED_YEAR("last_completed_year"),
    // Beyond the old system's keys: what the sync's health is judged by.
    /** When the daily run (the schedule, or an admin's "next") last triggered the pass. */
    LAST_DAILY_RUN("last_daily_run"),
    /** Why the last delta sync failed; unset once one completes. */
    CHANGE_SYNC_FAILURE("change_sync_failure"),
    /** Whether TMDb refused the credentials in the last delta sync ("true"); unset once one completes. */
    CHANGE_SYNC_CREDENTIALS_REJECTED("change_sync_credentials_rejected");

    private final String key;

    ImportStateKey(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
