package org.cinegraph.sandbox;

import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /3/movie/{id}}, with the {@code append_to_response} sections of {@link AppendSection}. */
final class MovieDetailsHandler implements SandboxHandler {

    private static final Pattern MOVIE_ID = Pattern.compile("\\d{1,9}");

    private final SandboxCatalogue catalogue;
    private final DetailsGenerator details;

    MovieDetailsHandler(SandboxCatalogue catalogue) {
        this.catalogue = catalogue;
        this.details = new DetailsGenerator(catalogue.seed());
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String id = request.lastPathSegment();
        if (!MOVIE_ID.matcher(id).matches()) {
            return TmdbError.NOT_FOUND.response();
        }
        Set<AppendSection> sections = AppendSection.parse(request.parameter("append_to_response").orElse(""));
        return catalogue.movie(Integer.parseInt(id))
                .map(movie -> SandboxResponse.ok(MovieDetailsJson.write(details.details(movie), sections)))
                .orElseGet(TmdbError.NOT_FOUND::response);
    }
}
