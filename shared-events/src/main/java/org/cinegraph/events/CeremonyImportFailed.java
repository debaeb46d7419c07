package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/**
 * A festival's ceremony could not be imported this time: its page could not be read, was not a ceremony page, or
 * what it held could not be recorded. Nothing of this reading is recorded; a retry, or the next import of the
 * year, reads it again, and {@link CeremonyImportResolved} follows once one succeeds.
 *
 * @param sourceUrl the page it tried to read
 * @param reason {@code not_found} (no page for the year), {@code malformed_response} (not a ceremony page, or
 *     larger than the scraper reads) or {@code http_error} (the page could not be read, or its ceremony not
 *     recorded)
 * @param attempt how many times it has been tried since it last succeeded, this one included
 * @param detail what went wrong, in words for a person; never a secret
 */
@Revision("1")
public record CeremonyImportFailed(String organization, int year, String sourceUrl, String reason, int attempt,
                                   String detail) {
}
