package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The few movies a catalogue holds besides its years: the ones TMDb's daily ID export lists but discovery by
 * year cannot reach, or reaches only when asked to include them. They are drawn from the seed and the catalogue's
 * years, never from a year's count, so adding them moved no generated movie, id or date.
 *
 * <p>Their TMDb ids run up from {@value #FIRST_TMDB_ID}, below the festival films' and the generated movies'
 * ranges, so they can never be one of theirs. None has an IMDb id, as is common for such entries on TMDb, so
 * {@code /find} knows none of them. Most pass the importer's quality filter (at least two of poster, ten votes,
 * popularity 0.5 and a release date); the last few of each kind are built to miss all they can, so that the
 * importer skips them.
 */
final class ExtraMovies {

    static final int FIRST_TMDB_ID = 50_000;
    private static final int FIRST_PRE_CINEMA_YEAR = 1870;
    private static final long EXTRAS = 501;
    private static final long LOOK = 1;
    private static final long TITLE = 2;
    private static final long RECEPTION = 3;
    private static final long OVERVIEW = 4;
    private static final long RELEASE_DATE = 5;

    /** The kinds, each with how many movies it holds and how many of them fail the quality filter. */
    enum Kind {
        UNDATED(12, 2),
        ANNOUNCED(6, 1),
        PRE_CINEMA(4, 1),
        ADULT(5, 0),
        VIDEO(5, 1);

        private final int count;
        private final int failing;

        Kind(int count, int failing) {
            this.count = count;
            this.failing = failing;
        }
    }

    private final SortedMap<Integer, SandboxMovie> byId = new TreeMap<>();
    private final Map<Kind, Set<Integer>> idsByKind = new EnumMap<>(Kind.class);
    private final Set<Integer> failing = new TreeSet<>();

    /** @param years the catalogue's years, ascending; a catalogue without years has no extras either */
    ExtraMovies(long seed, List<Integer> years) {
        int nextId = FIRST_TMDB_ID + 1;
        for (Kind kind : Kind.values()) {
            Set<Integer> ids = new TreeSet<>();
            for (int index = 0; !years.isEmpty() && index < kind.count; index++) {
                boolean passes = index < kind.count - kind.failing;
                SandboxMovie movie = movie(seed, years, kind, index, nextId++, passes);
                byId.put(movie.tmdbId(), movie);
                ids.add(movie.tmdbId());
                if (!passes) {
                    failing.add(movie.tmdbId());
                }
            }
            idsByKind.put(kind, Collections.unmodifiableSet(ids));
        }
    }

    Optional<SandboxMovie> movie(int tmdbId) {
        return Optional.ofNullable(byId.get(tmdbId));
    }

    /** Every extra movie, by TMDb id. */
    Collection<SandboxMovie> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    Set<Integer> ids(Kind kind) {
        return idsByKind.get(kind);
    }

    Set<Integer> failing() {
        return Collections.unmodifiableSet(failing);
    }

    private static SandboxMovie movie(long seed, List<Integer> years, Kind kind, int index, int tmdbId,
                                      boolean passes) {
        Draws look = new Draws(seed, EXTRAS, LOOK, kind.ordinal(), index);
        Origin origin = Origin.draw(look);
        String posterPath = passes ? look.imagePath("jpg") : null;
        String backdropPath = posterPath != null && look.chance(0.8) ? look.imagePath("jpg") : null;
        List<Integer> genreIds = Genre.drawIds(look);
        String drawn = Prose.title(new Draws(seed, EXTRAS, TITLE, kind.ordinal(), index));
        // TMDb's video entries are mostly what comes with a film rather than a film: a making-of, a concert.
        String title = kind == Kind.VIDEO ? "The Making of " + drawn : drawn;
        Draws reception = new Draws(seed, EXTRAS, RECEPTION, kind.ordinal(), index);
        // Nobody has voted on a film not out yet; popularity alone tells an announced film people await.
        int voteCount = kind == Kind.ANNOUNCED ? 0 : passes ? reception.between(10, 900) : reception.nextInt(10);
        double voteAverage = voteCount == 0 ? 0.0 : Draws.thousandths(4.0 + 5.0 * reception.nextDouble());
        double popularity = passes
                ? Draws.thousandths(0.5 + 30.0 * reception.nextDouble())
                : reception.between(1, 499) / 1000.0;
        LocalDate releaseDate = releaseDate(new Draws(seed, EXTRAS, RELEASE_DATE, kind.ordinal(), index),
                years, kind, index);
        return new SandboxMovie(tmdbId, null, title, title, origin.language(), origin.country(), releaseDate,
                popularity, voteCount, voteAverage, posterPath, backdropPath, genreIds,
                Prose.overview(new Draws(seed, EXTRAS, OVERVIEW, kind.ordinal(), index)),
                kind == Kind.ADULT, kind == Kind.VIDEO);
    }

    /**
     * None for the undated; the two years after the newest for the announced, half in each; 1870 on for the
     * pre-cinema ones, one a year; the catalogue's years in turn for adult and video entries, so that discover
     * lists them in those years when asked to.
     */
    private static LocalDate releaseDate(Draws draws, List<Integer> years, Kind kind, int index) {
        int year = switch (kind) {
            case UNDATED -> 0;
            case ANNOUNCED -> years.get(years.size() - 1) + 1 + index % 2;
            case PRE_CINEMA -> FIRST_PRE_CINEMA_YEAR + index;
            case ADULT, VIDEO -> years.get(index % years.size());
        };
        return kind == Kind.UNDATED ? null : LocalDate.ofYearDay(year, 1 + draws.nextInt(Year.of(year).length()));
    }
}
