package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One nomination of a ceremony: the film (null when the page names none), the people or country nominated,
 * {@code detail} (an Original Song's title, say), and whether it won.
 */
@Revision("1")
public record NominationRecorded(String organization, int year, String category, String film, List<String> names,
                                 String detail, boolean winner) implements NominationEvent {

    public NominationRecorded {
        names = List.copyOf(names);
    }
}
