package org.cinegraph.query.state;

import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.stereotype.Component;

/**
 * All of the import-state projection's events in one sequence. Its few keys are set by events of every
 * year; two segments upserting the same keys in different orders would deadlock each other.
 */
@Component(ImportStateSequencingPolicy.BEAN)
class ImportStateSequencingPolicy extends SequentialPolicy {

    static final String BEAN = "importStateSequencingPolicy";
}
