package org.cinegraph.sandbox.tmdb;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cinegraph.sandbox.http.SandboxRequest;

/**
 * {@code /3/movie/{id}}, the path of a movie's details: the details endpoint answers it, and the faults that hit
 * the details of selected movies aim at it.
 */
public final class MovieDetailsPath {

    private static final Pattern PATH = Pattern.compile("/3/movie/(\\d{1,9})");

    private MovieDetailsPath() {
    }

    /** The TMDb id a details request asks for; empty for any other request, or an id that cannot be one. */
    public static OptionalInt movieId(SandboxRequest request) {
        Matcher details = PATH.matcher(request.path());
        return details.matches() ? OptionalInt.of(Integer.parseInt(details.group(1))) : OptionalInt.empty();
    }
}
