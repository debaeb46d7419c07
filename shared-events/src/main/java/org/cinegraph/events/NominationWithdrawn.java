package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A nomination recorded before is no longer on the ceremony's page. */
@Revision("1")
public record NominationWithdrawn(String organization, int year, String category, String film, List<String> names,
                                  String detail) implements NominationEvent {

    public NominationWithdrawn {
        names = List.copyOf(names);
    }
}
