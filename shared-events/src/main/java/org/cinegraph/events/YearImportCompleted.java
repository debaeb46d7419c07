package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * Every movie discovered for the year has its outcome: {@code discovered = imported + skipped + failed},
 * each movie counted once.
 */
@Revision("1")
public record YearImportCompleted(int year, int discovered, int imported, int skipped, int failed)
        implements YearImportEvent {
}
