package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A festival's ceremony page was read whole: its number, where it was read, the hash of what was parsed from it
 * (its categories and nominations, so an unchanged page hashes the same whatever else the page carries), and
 * its categories in page order. Its nominations follow as {@link NominationRecorded}.
 */
@Revision("1")
public record CeremonyScraped(String organization, int year, int ceremonyNumber, String sourceUrl,
                              String contentHash, List<String> categories) {

    public CeremonyScraped {
        categories = List.copyOf(categories);
    }
}
