package org.cinegraph.events;

import java.util.List;

/** An event about one nomination: each names it by the same fields, its category's and what was nominated. */
public interface NominationEvent {

    String organization();

    int year();

    String category();

    String film();

    List<String> names();

    String detail();
}
