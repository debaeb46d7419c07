package org.cinegraph.command.festival;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.CeremonyScraped;
import org.cinegraph.events.NominationRef;
import org.cinegraph.events.NominationRecorded;
import org.cinegraph.events.NominationWithdrawn;
import org.cinegraph.events.RecordCeremony;

/**
 * One ceremony of one festival, as its page was last read. A page read again unchanged records nothing; a
 * changed page records {@link CeremonyScraped} and only what changed: new or changed nominations, and those no
 * longer on the page. All of a reading's events are appended together, so a ceremony is recorded whole or not
 * at all.
 */
@Aggregate
class Ceremony {

    @AggregateIdentifier
    private String id;
    private String contentHash;
    /** Each nomination recorded, with whether it won. */
    private final Map<NominationRef, Boolean> nominations = new LinkedHashMap<>();

    Ceremony() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    /** @return how many nominations were recorded or withdrawn; 0 for a page unchanged since it was last read */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(RecordCeremony command) {
        if (command.contentHash().equals(contentHash)) {
            return 0;
        }
        apply(new CeremonyScraped(command.organization(), command.year(), command.ceremonyNumber(),
                command.sourceUrl(), command.contentHash(),
                command.categories().stream().map(RecordCeremony.Category::name).toList()));
        Map<NominationRef, Boolean> read = new LinkedHashMap<>();
        List<NominationRecorded> recorded = new ArrayList<>();
        for (RecordCeremony.Category category : command.categories()) {
            for (RecordCeremony.Nomination nomination : category.nominations()) {
                NominationRef ref = new NominationRef(command.organization(), command.year(), category.name(),
                        nomination.film(), nomination.names(), nomination.detail());
                if (read.put(ref, nomination.winner()) == null
                        && !Boolean.valueOf(nomination.winner()).equals(nominations.get(ref))) {
                    recorded.add(new NominationRecorded(command.organization(), command.year(), category.name(),
                            nomination.film(), nomination.names(), nomination.detail(), nomination.winner()));
                }
            }
        }
        int changes = recorded.size();
        recorded.forEach(event -> apply(event));
        for (NominationRef gone : List.copyOf(nominations.keySet())) {
            if (!read.containsKey(gone)) {
                apply(new NominationWithdrawn(command.organization(), command.year(), gone.category(), gone.film(),
                        gone.names(), gone.detail()));
                changes++;
            }
        }
        return changes;
    }

    @EventSourcingHandler
    void on(CeremonyScraped event) {
        id = RecordCeremony.ceremonyId(event.organization(), event.year());
        contentHash = event.contentHash();
    }

    @EventSourcingHandler
    void on(NominationRecorded event) {
        nominations.put(NominationRef.of(event), event.winner());
    }

    @EventSourcingHandler
    void on(NominationWithdrawn event) {
        nominations.remove(NominationRef.of(event));
    }
}
