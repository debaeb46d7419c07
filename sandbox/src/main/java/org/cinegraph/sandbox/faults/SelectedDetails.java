package org.cinegraph.sandbox.faults;

import java.util.OptionalInt;
import java.util.function.IntPredicate;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.tmdb.MovieDetailsHandler;

/** Narrows a fault to the details of selected movies; every other request passes untouched. */
final class SelectedDetails implements Fault {

    private final IntPredicate selected;
    private final Fault fault;

    SelectedDetails(IntPredicate selected, Fault fault) {
        this.selected = selected;
        this.fault = fault;
    }

    @Override
    public SandboxResponse answer(SandboxRequest request, SandboxHandler next) {
        OptionalInt tmdbId = MovieDetailsHandler.requestedId(request);
        return tmdbId.isPresent() && selected.test(tmdbId.getAsInt())
                ? fault.answer(request, next)
                : next.handle(request);
    }
}
