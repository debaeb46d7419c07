package org.cinegraph.command.festival;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.NominationMatched;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationWithdrawn;
import org.springframework.stereotype.Component;

/**
 * Keeps the match ledger in step with the recorded nominations, in the transaction that records them (this
 * processing group is subscribing): a nomination recorded is open until matched, one withdrawn is forgotten. And
 * a movie imported later, by any source, matches the open nominations of its film by the event, with no new scrape.
 */
@Component
@ProcessingGroup(FestivalLedgerHandler.NAME)
@DisallowReplay
public class FestivalLedgerHandler {

    public static final String NAME = "festival-ledger";

    private final MatchLedger ledger;
    private final AcademyFilmIds academyFilmIds;

    FestivalLedgerHandler(MatchLedger ledger, AcademyFilmIds academyFilmIds) {
        this.ledger = ledger;
        this.academyFilmIds = academyFilmIds;
    }

    @EventHandler
    void on(NominationRecorded event) {
        ledger.recorded(event, academyFilmIds.imdbIdOf(event));
    }

    @EventHandler
    void on(NominationWithdrawn event) {
        ledger.withdrawn(event);
    }

    @EventHandler
    void on(MovieImported event) {
        Integer releaseYear = event.releaseDate() == null ? null : event.releaseDate().getYear();
        for (OpenNomination nomination : ledger.openFor(event.imdbId(), event.title(), releaseYear)) {
            ledger.matched(nomination, event.tmdbId(), event.imdbId(), NominationMatched.BY_LATER_IMPORT);
        }
    }
}
