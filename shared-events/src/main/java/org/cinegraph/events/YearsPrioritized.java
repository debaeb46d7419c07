package org.cinegraph.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin put these years first in the pass's order, in this order, replacing any earlier priority. A year leaves
 * the priority once it is completed; an empty list clears it.
 */
@Revision("1")
public record YearsPrioritized(List<Integer> years) {

    public YearsPrioritized {
        years = List.copyOf(years);
    }
}
