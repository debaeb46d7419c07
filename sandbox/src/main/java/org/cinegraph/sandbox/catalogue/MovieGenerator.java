package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the movie at a given (year, index) as a pure function of the seed, so a catalogue of a million
 * movies costs no memory until a movie is asked for. Each attribute reads its own stream, keyed by the
 * movie's coordinates: tweaking how one attribute is drawn leaves the others as they were.
 *
 * <p>The quality tiers are tuned to the importer's filter (at least two of poster, ten votes, popularity
 * 0.5 and a release date): most movies pass everything, some miss exactly one criterion, a few miss two
 * and are still imported, and about a fifth miss three and must be rejected.
 */
final class MovieGenerator {

    private static final long QUALITY = 1;
    private static final long RELEASE_DATE = 2;
    private static final long POPULARITY = 3;
    private static final long VOTES = 4;
    private static final long TITLE = 5;
    private static final long LOOK = 6;
    private static final long OVERVIEW = 7;
    private static final long IMDB = 8;

    private static final double ALL_PASS = 0.66;
    private static final double ONE_MISSED = 0.76;
    private static final double TWO_MISSED = 0.82;

    private static final double MIN_GOOD_POPULARITY = 0.5;
    private static final int MIN_GOOD_VOTES = 10;
    private static final int MAX_VOTES = 35_000;
    private static final double MAX_POPULARITY = 9_000;
    private static final int FIRST_IMDB_NUMBER = 10_000_000;
    private static final int IMDB_SPREAD = 7;
    private static final Pattern GENERATED_IMDB_ID = Pattern.compile("tt(\\d{8,10})");

    private final long seed;

    MovieGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * @param ordinal the movie's position in the whole catalogue, which keeps IMDb ids unique across
     *                years without remembering the ones already handed out
     */
    SandboxMovie movie(int tmdbId, int ordinal, int year, int index) {
        Shortfalls shortfalls = shortfalls(year, index);
        Draws look = draws(LOOK, year, index);
        Origin origin = Origin.draw(look);
        String posterPath = shortfalls.noPoster() ? null : look.imagePath("jpg");
        String backdropPath = posterPath != null && look.chance(0.85) ? look.imagePath("jpg") : null;
        List<Integer> genreIds = Genre.drawIds(look);
        String title = title(year, index);
        int voteCount = voteCount(shortfalls, year, index);
        return new SandboxMovie(
                tmdbId,
                imdbId(ordinal, year, index),
                title,
                title,
                origin.language(),
                origin.country(),
                releaseDate(year, index),
                popularity(shortfalls, year, index),
                voteCount,
                voteAverage(voteCount, year, index),
                posterPath,
                backdropPath,
                genreIds,
                overview(shortfalls, year, index),
                false,
                false);
    }

    String title(int year, int index) {
        return Prose.title(draws(TITLE, year, index));
    }

    double popularity(int year, int index) {
        return popularity(shortfalls(year, index), year, index);
    }

    /**
     * Null for a few movies, as on TMDb, and for a movie whose number would be a nominated film's: real IMDb
     * ids reach into the generated range, and a generated movie carrying one would make {@code /find} know two
     * movies by it, or match a nomination the sandbox's TMDb is meant not to know.
     */
    String imdbId(int ordinal, int year, int index) {
        Draws draws = draws(IMDB, year, index);
        if (draws.chance(0.04)) {
            return null;
        }
        String imdbId = "tt" + (FIRST_IMDB_NUMBER + (long) ordinal * IMDB_SPREAD + draws.nextInt(IMDB_SPREAD));
        return FestivalFilms.bundled().nominated(imdbId) ? null : imdbId;
    }

    /**
     * The one ordinal whose movie may carry {@code imdbId}, since each ordinal draws its number from seven of
     * its own: an IMDb id leads back to its movie without an index of a million ids. Empty for an id that no
     * generated movie can have.
     */
    static OptionalInt candidateOrdinal(String imdbId) {
        Matcher generated = GENERATED_IMDB_ID.matcher(imdbId);
        if (!generated.matches()) {
            return OptionalInt.empty();
        }
        long offset = Long.parseLong(generated.group(1)) - FIRST_IMDB_NUMBER;
        return offset >= 0 && offset / IMDB_SPREAD <= Integer.MAX_VALUE
                ? OptionalInt.of((int) (offset / IMDB_SPREAD))
                : OptionalInt.empty();
    }

    LocalDate releaseDate(int year, int index) {
        return LocalDate.ofYearDay(year, 1 + draws(RELEASE_DATE, year, index).nextInt(Year.of(year).length()));
    }

    /** Whether the movie meets every one of the importer's criteria, without making it. */
    boolean meetsEveryCriterion(int year, int index) {
        Shortfalls shortfalls = shortfalls(year, index);
        return !shortfalls.noPoster() && !shortfalls.fewVotes() && !shortfalls.lowPopularity();
    }

    private Shortfalls shortfalls(int year, int index) {
        Draws draws = draws(QUALITY, year, index);
        double tier = draws.nextDouble();
        if (tier < ALL_PASS) {
            return new Shortfalls(false, false, false);
        }
        if (tier >= TWO_MISSED) {
            return new Shortfalls(true, true, true);
        }
        // One criterion is singled out: the only one missed, or the only one of the three still met.
        int singledOut = draws.nextInt(3);
        boolean missesSingledOut = tier < ONE_MISSED;
        return new Shortfalls(
                (singledOut == 0) == missesSingledOut,
                (singledOut == 1) == missesSingledOut,
                (singledOut == 2) == missesSingledOut);
    }

    private double popularity(Shortfalls shortfalls, int year, int index) {
        Draws draws = draws(POPULARITY, year, index);
        if (shortfalls.lowPopularity()) {
            return draws.between(1, 499) / 1000.0;
        }
        double heavyTail = 1.2 * (Math.pow(draws.nextPositiveDouble(), -0.85) - 1.0);
        return Draws.thousandths(Math.min(MAX_POPULARITY, MIN_GOOD_POPULARITY + heavyTail));
    }

    private int voteCount(Shortfalls shortfalls, int year, int index) {
        Draws draws = draws(VOTES, year, index);
        if (shortfalls.fewVotes()) {
            return draws.nextInt(MIN_GOOD_VOTES);
        }
        double heavyTail = 40.0 * (1.0 / draws.nextPositiveDouble() - 1.0);
        return (int) Math.min(MAX_VOTES, MIN_GOOD_VOTES + heavyTail);
    }

    private double voteAverage(int voteCount, int year, int index) {
        if (voteCount == 0) {
            return 0.0;
        }
        double draw = draws(VOTES, year, index, voteCount).nextDouble();
        // A handful of voters gives any average; many voters pull it towards the middle.
        return voteCount < MIN_GOOD_VOTES ? Draws.thousandths(1.0 + 9.0 * draw) : Draws.thousandths(4.0 + 5.0 * draw);
    }

    private String overview(Shortfalls shortfalls, int year, int index) {
        Draws draws = draws(OVERVIEW, year, index);
        boolean neglected = shortfalls.noPoster() && shortfalls.fewVotes() && draws.chance(0.5);
        return neglected ? "" : Prose.overview(draws);
    }

    private Draws draws(long attribute, long... coordinates) {
        long[] all = new long[coordinates.length + 2];
        all[0] = seed;
        all[1] = attribute;
        System.arraycopy(coordinates, 0, all, 2, coordinates.length);
        return new Draws(all);
    }

    /** Which of the importer's criteria a movie is built to miss; every movie has a release date. */
    private record Shortfalls(boolean noPoster, boolean fewVotes, boolean lowPopularity) {
    }
}
