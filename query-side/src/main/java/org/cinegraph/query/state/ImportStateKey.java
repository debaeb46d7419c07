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
    CHANGE_SYNC_CREDENTIALS_REJECTED("change_sync_credentials_rejected"),
    // TMDb's daily ID export and its sweeps.
    /** Where TMDb's total was read: {@code discover}, or {@code export} once an export's was recorded. */
    TMDB_TOTAL_SOURCE("tmdb_total_source"),
    /** The sweep under way, or the last to end: reading, sweeping, completed or failed. */
    EXPORT_SWEEP_STATUS("export_sweep_status"),
    /** The day of the export the sweep reads; unset when one failed for want of an export. */
    EXPORT_SWEEP_DATE("export_sweep_date"),
    EXPORT_SWEEP_STARTED_AT("export_sweep_started_at"),
    /** The ids of the export that count toward TMDb's total, once it was read whole. */
    EXPORT_SWEEP_COUNTED("export_sweep_counted"),
    /** How many of the counted ids the sweep went through. */
    EXPORT_SWEEP_DONE("export_sweep_done"),
    /** How many movies the sweep imported, skipped or recorded as failed itself. */
    EXPORT_SWEEP_NEW("export_sweep_new"),
    /** Why the sweep failed; unset while it runs or once it completed. */
    EXPORT_SWEEP_REASON("export_sweep_reason"),
    /** Why the last sweep that ended failed; unset only once a later one completes. */
    EXPORT_SWEEP_FAILURE("export_sweep_failure"),
    // The last sweep that completed.
    LAST_EXPORT_SWEEP_DATE("last_export_sweep_date"),
    LAST_EXPORT_SWEEP_COMPLETED_AT("last_export_sweep_completed_at"),
    LAST_EXPORT_SWEEP_COUNTED("last_export_sweep_counted"),
    LAST_EXPORT_SWEEP_NEW("last_export_sweep_new"),
    LAST_EXPORT_SWEEP_REMOVED("last_export_sweep_removed"),
    LAST_EXPORT_SWEEP_RESTORED("last_export_sweep_restored"),
    /** How many removals it did not record, for being more than one sweep records without an admin's word. */
    LAST_EXPORT_SWEEP_REMOVALS_WITHHELD("last_export_sweep_removals_withheld"),
    LAST_EXPORT_SWEEP_REMOVAL_LIMIT("last_export_sweep_removal_limit");

    private final String key;

    ImportStateKey(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
