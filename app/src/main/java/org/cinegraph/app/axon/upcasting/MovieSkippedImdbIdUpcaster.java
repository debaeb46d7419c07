package org.cinegraph.app.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * MovieSkipped revision 1 to 2. Revision 2 added the IMDb id; revision 1 never recorded it, so a revision 1 skip
 * has none: null, as for a movie TMDb has no IMDb id for.
 */
@Component
@Order(1)
class MovieSkippedImdbIdUpcaster extends SingleEventUpcaster {

    private static final String MOVIE_SKIPPED = "org.cinegraph.events.MovieSkipped";
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MOVIE_SKIPPED, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return MOVIE_SKIPPED.equals(event.getType().getName()) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> ((ObjectNode) payload).putNull("imdbId"));
    }
}
