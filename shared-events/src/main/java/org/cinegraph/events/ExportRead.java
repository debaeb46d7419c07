package org.cinegraph.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * TMDb's export of the day was read to its end, whole: a sweep goes on from it. A file cut short or unreadable
 * is never recorded so (its sweep fails instead), and nothing is decided from it.
 *
 * @param entriesRead    the lines read, malformed ones included
 * @param listed         the distinct movie ids it lists
 * @param counted        the ids that count toward TMDb's total: those the settings include (adult and video
 *                       entries only when asked for), and any the catalogue already holds
 * @param malformed      the lines that are not a movie's entry, skipped
 * @param malformedLines the line numbers (from 1) of the first malformed lines, at most ten
 */
@Revision("1")
public record ExportRead(LocalDate exportDate, long entriesRead, long listed, long counted, long malformed,
                         List<Long> malformedLines) {

    /** How many malformed lines' numbers an event keeps. */
    public static final int MALFORMED_LINES_KEPT = 10;

    public ExportRead {
        malformedLines = List.copyOf(malformedLines);
    }
}
