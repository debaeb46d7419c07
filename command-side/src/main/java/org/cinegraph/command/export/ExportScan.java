package org.cinegraph.command.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An export read to its end.
 *
 * @param exportDate     the day of the export read
 * @param entriesRead    its lines, malformed ones included (an empty last line is not one)
 * @param malformed      the lines that are not a movie's entry, skipped
 * @param malformedLines the numbers (from 1) of the first malformed lines, at most
 *                       {@link org.cinegraph.events.ExportRead#MALFORMED_LINES_KEPT}
 * @param madeAt         when the file server says the file was made ({@code Last-Modified}), or null when it does
 *                       not say: a movie TMDb added after that is not in it
 */
public record ExportScan(LocalDate exportDate, long entriesRead, long malformed, List<Long> malformedLines,
                         Instant madeAt) {

    public ExportScan {
        malformedLines = List.copyOf(malformedLines);
    }
}
