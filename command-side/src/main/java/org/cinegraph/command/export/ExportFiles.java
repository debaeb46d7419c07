package org.cinegraph.command.export;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * TMDb's daily ID exports ({@code movie_ids_MM_DD_YYYY.json.gz}): gzipped lines, one per movie, read as a stream,
 * never whole in memory. A day's file appears in the morning (UTC), so the newest is often the day before's.
 */
public interface ExportFiles {

    /**
     * Reads the export of {@code day} to its end, giving each well-formed entry to {@code entries}, in the file's
     * order. A caller decides only once this returns: entries given before a failure belong to a file not read whole.
     *
     * @throws ExportNotFoundException   when there is no export of that day
     * @throws ExportUnreadableException when it could not be read to its end (cut short, not gzip, a connection lost,
     *                                   the server failing after every retry)
     */
    ExportScan read(LocalDate day, Consumer<ExportEntry> entries);

    /**
     * Reads the newest export: that of {@code today}, else of the day before, one day at a time, at most a week back,
     * as {@link #read(LocalDate, Consumer)} does.
     *
     * @throws ExportNotFoundException when no export of the last week exists
     */
    ExportScan readNewest(LocalDate today, Consumer<ExportEntry> entries);
}
