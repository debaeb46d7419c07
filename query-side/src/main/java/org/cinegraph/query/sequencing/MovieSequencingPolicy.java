package org.cinegraph.query.sequencing;

import org.cinegraph.events.MovieImportOutcome;
import org.cinegraph.events.MovieRemovedFromTmdb;
import org.cinegraph.events.MovieRestoredOnTmdb;
import org.cinegraph.events.MovieUpdated;
import org.springframework.stereotype.Component;

/**
 * Puts every outcome of one movie in one sequence, so that a failure later replaced by an import is applied in that
 * order, and its updates, its removal from TMDb and its restoration after its import: the sequences of the movies'
 * and the skipped imports' processors, and of the failures' for movie outcomes.
 */
@Component(MovieSequencingPolicy.BEAN)
public class MovieSequencingPolicy extends PayloadSequencingPolicy {

    static final String BEAN = "movieSequencingPolicy";

    public MovieSequencingPolicy() {
        super(ANY_ORDER);
        sequence(MovieImportOutcome.class, MovieImportOutcome::tmdbId);
        sequence(MovieUpdated.class, MovieUpdated::tmdbId);
        sequence(MovieRemovedFromTmdb.class, MovieRemovedFromTmdb::tmdbId);
        sequence(MovieRestoredOnTmdb.class, MovieRestoredOnTmdb::tmdbId);
    }
}
