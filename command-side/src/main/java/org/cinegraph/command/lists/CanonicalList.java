package org.cinegraph.command.lists;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.cinegraph.events.CanonicalListImported;
import org.cinegraph.events.ListEntry;
import org.cinegraph.events.RecordCanonicalList;

/**
 * One canonical list, as it was last uploaded. The same list uploaded again records nothing; a changed list
 * records its members anew, in one event, so a list is recorded whole or not at all.
 */
@Aggregate
class CanonicalList {

    @AggregateIdentifier
    private String id;
    private String contentHash;
    private Set<String> members = Set.of();

    CanonicalList() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Recorded handle(RecordCanonicalList command) {
        if (command.contentHash().equals(contentHash)) {
            return new Recorded(false, 0, 0);
        }
        Set<String> uploaded = new HashSet<>();
        command.entries().forEach(entry -> uploaded.add(entry.imdbId()));
        int added = (int) uploaded.stream().filter(imdbId -> !members.contains(imdbId)).count();
        int removed = (int) members.stream().filter(imdbId -> !uploaded.contains(imdbId)).count();
        apply(new CanonicalListImported(command.key(), command.contentHash(), command.entries()));
        return new Recorded(true, added, removed);
    }

    @EventSourcingHandler
    void on(CanonicalListImported event) {
        id = RecordCanonicalList.listId(event.key());
        contentHash = event.contentHash();
        members = new HashSet<>(event.entries().stream().map(ListEntry::imdbId).toList());
    }

    /**
     * What an upload changed: nothing when it is the list as last uploaded; else how many IMDb ids joined the
     * list and how many left it.
     */
    record Recorded(boolean changed, int added, int removed) {
    }
}
