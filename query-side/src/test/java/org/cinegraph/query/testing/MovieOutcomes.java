package org.cinegraph.query.testing;

import java.time.LocalDate;
import java.util.List;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;

/** Movie outcomes for the tests of the tables keyed by movie: the movies, the skipped imports and the failures. */
public final class MovieOutcomes {

    private MovieOutcomes() {
    }

    /** An import whose release date and year depend on {@code index}, so some of each are null. */
    public static MovieImported imported(int index, int id, String title) {
        return new MovieImported(id, "tt" + id, title, index % 2 == 0 ? LocalDate.of(2024, 5, 1) : null,
                index % 3 == 0 ? null : 2024, "year_import",
                "{\"id\": " + id + ", \"runtime\": 101, \"popularity\": 7.5, \"vote_count\": 12, \"title\": \""
                        + title + "\", \"original_language\": \"fr\"}");
    }

    /** An import of 2024 with no release date, for the tables in which only which movie was imported counts. */
    public static MovieImported imported(int id, String title) {
        return imported(1, id, title);
    }

    public static MovieSkipped skipped(int id, String source, List<String> criteria) {
        return new MovieSkipped(id, "tt" + id, "Movie " + id, 2024, source, MovieSkipped.QUALITY_FILTER, criteria);
    }

    public static MovieImportFailed failed(int id, String source, int attempt, String detail) {
        return new MovieImportFailed(id, null, "Movie " + id, 2024, source, MovieImportFailed.NOT_FOUND, attempt,
                detail);
    }
}
