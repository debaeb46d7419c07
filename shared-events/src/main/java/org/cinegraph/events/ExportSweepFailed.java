package org.cinegraph.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A sweep stopped before the end of its export: no export could be found, it could not be read to its end (cut
 * short, a network failure), or TMDb refused the credentials. Nothing is removed from a file not read whole; the
 * next sweep starts again.
 *
 * @param exportDate the day of the export, or null when none was found
 * @param reason     what went wrong, without secrets
 */
@Revision("1")
public record ExportSweepFailed(LocalDate exportDate, String reason) {
}
