package org.cinegraph.sandbox.faults;

import java.util.OptionalInt;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.tmdb.MovieDetailsPath;

/** Narrows a fault to the details of selected movies; every other request passes untouched. */
record SelectedDetails(IntPredicate selected, Fault fault) implements Fault {

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        OptionalInt tmdbId = MovieDetailsPath.movieId(request);
        return tmdbId.isPresent() && selected.test(tmdbId.getAsInt())
                ? fault.answer(request, next)
                : next.handle(request);
    }
}
