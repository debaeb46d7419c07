package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** A festival organization, known by its abbreviation ({@code AMPAS} for the Academy). */
@Revision("1")
public record FestivalOrganizationRegistered(String abbreviation, String name) {
}
