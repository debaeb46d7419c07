package org.cinegraph.events;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a festival's ceremony as its page was read: whole, and only what changed since it was last read. */
public record RecordCeremony(String organization, int year, int ceremonyNumber, String sourceUrl,
                             String contentHash, List<Category> categories) {

    public RecordCeremony {
        categories = List.copyOf(categories);
    }

    /** A category and its nominations, in page order. */
    public record Category(String name, List<Nomination> nominations) {

        public Category {
            nominations = List.copyOf(nominations);
        }
    }

    /** @param film null when the page names none; {@code detail} an Original Song's title, say */
    public record Nomination(String film, List<String> names, String detail, boolean winner) {

        public Nomination {
            names = List.copyOf(names);
        }
    }

    /** Aggregate identifiers share one namespace in the event store: this one is the ceremony's. */
    public static String ceremonyId(String organization, int year) {
        return "ceremony-" + organization + "-" + year;
    }

    @TargetAggregateIdentifier
    public String ceremonyId() {
        return ceremonyId(organization, year);
    }
}
