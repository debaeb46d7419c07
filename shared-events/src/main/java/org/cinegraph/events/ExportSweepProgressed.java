package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A sweep dealt with every counted id of its export up to {@code throughId}: each has an outcome now. A sweep
 * resumed after its node stopped goes on after it.
 *
 * @param done       how many of the export's counted ids are up to {@code throughId}
 * @param newMovies  how many of those the sweep imported, skipped or recorded as failed itself, so far
 */
@Revision("1")
public record ExportSweepProgressed(LocalDate exportDate, int throughId, long done, long newMovies) {
}
