package org.cinegraph.command.tmdb;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How sure a TMDb search result is the film a title and a year name: the closeness of the titles (TMDb's title
 * or its original title, as {@link TitleKey}s, by Levenshtein distance) times the closeness of the years (the
 * same year, one off, or none known; further off is another film). A result below {@link #THRESHOLD} is no match:
 * an unmatched film is recorded as a failure to look at, a wrong match would silently mislead.
 */
public final class SearchConfidence {

    public static final double THRESHOLD = 0.9;
    private static final double ONE_YEAR_OFF = 0.95;
    private static final double YEAR_UNKNOWN = 0.85;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private SearchConfidence() {
    }

    /** The result that names the film most surely, if one reaches the threshold; the more popular of equals. */
    public static Optional<Scored> best(String title, int year, List<FoundMovie> results) {
        return results.stream()
                .map(result -> new Scored(result, score(title, year, result)))
                .filter(scored -> scored.confidence() >= THRESHOLD)
                .max(Comparator.comparingDouble(Scored::confidence)
                        .thenComparingDouble(scored -> scored.movie().popularity()));
    }

    /** The most likely result even below the threshold, to say in a failure what came closest. */
    public static Optional<Scored> closest(String title, int year, List<FoundMovie> results) {
        return results.stream().map(result -> new Scored(result, score(title, year, result)))
                .max(Comparator.comparingDouble(Scored::confidence));
    }

    static double score(String title, int year, FoundMovie result) {
        double titles = Math.max(similarity(title, result.title()), similarity(title, result.originalTitle()));
        if (result.releaseDate() == null) {
            return titles * YEAR_UNKNOWN;
        }
        int off = Math.abs(result.releaseDate().getYear() - year);
        return off == 0 ? titles : off == 1 ? titles * ONE_YEAR_OFF : 0;
    }

    private static double similarity(String wanted, String candidate) {
        String a = TitleKey.of(wanted);
        String b = TitleKey.of(candidate);
        if (a == null || b == null) {
            return 0;
        }
        return 1 - (double) DISTANCE.apply(a, b) / Math.max(a.length(), b.length());
    }

    /** A result with its confidence, 0 to 1. */
    public record Scored(FoundMovie movie, double confidence) {
    }
}
