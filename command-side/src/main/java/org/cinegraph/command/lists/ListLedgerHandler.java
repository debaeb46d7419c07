package org.cinegraph.command.lists;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntryFound;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.springframework.stereotype.Component;

/**
 * Keeps the list ledger in step with the uploaded lists, in the transaction that records them (this processing
 * group is subscribing). And a movie imported or skipped later, by any source, is found for the open members of
 * its IMDb id by the event, with no new lookup.
 */
@Component
@ProcessingGroup(ListLedgerHandler.NAME)
@DisallowReplay
public class ListLedgerHandler {

    public static final String NAME = "list-ledger";

    private final ListLedger ledger;

    ListLedgerHandler(ListLedger ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    void on(CanonicalListImported event) {
        ledger.recorded(event);
    }

    @EventHandler
    void on(MovieImported event) {
        found(event.imdbId(), event.tmdbId());
    }

    @EventHandler
    void on(MovieSkipped event) {
        found(event.imdbId(), event.tmdbId());
    }

    private void found(String imdbId, int tmdbId) {
        if (imdbId == null) {
            return;
        }
        for (OpenEntry entry : ledger.openFor(imdbId)) {
            ledger.found(entry, tmdbId, ListEntryFound.BY_LATER_IMPORT);
        }
    }
}
