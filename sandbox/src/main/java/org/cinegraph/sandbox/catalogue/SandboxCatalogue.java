package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A deterministic, generated movie catalogue for the TMDb sandbox. Movies are made on demand from the
 * seed and their (year, index) coordinates, so a catalogue of a million movies is cheap to build and
 * to keep; the same seed and the same years always give the same movies, ids, titles and dates.
 * A movie's TMDb id also depends on how many movies the earlier years hold.
 *
 * <p>Every catalogue also knows the films nominated for an Academy Award (see {@code FestivalFilms}), by TMDb id,
 * IMDb id and title, so that sandbox mode can match nominations; they are no part of its years, counts or change
 * feed, which describe the generated movies only.
 *
 * <p>A catalogue with years also holds a few extra movies that discovery by year cannot reach: without a release
 * date, announced for the two years after its newest, dated before 1874, adult or video entries (see
 * {@link #exportExtras()}). Like the festival films they are fetchable by TMDb id, listed in TMDb's daily ID
 * export and no part of the years, counts or change feed; discover lists the adult and video entries only when
 * asked to include them, and the others never. It also names three of its generated movies that TMDb deletes,
 * which the export stops listing while discover and details go on serving them.
 */
public final class SandboxCatalogue {

    private static final long DEFAULT_SEED = 20_240_229L;
    private static final int[] DEFAULT_SIZES = {300, 250, 200, 180, 150};
    private static final int REMOVED_MOVIES = 3;
    private static final String RELEASED = "Released";
    private static final String ANNOUNCED = "Post Production";
    private static final String UNDATED = "Planned";

    private final long seed;
    private final CatalogueLayout layout;
    private final MovieGenerator generator;
    private final DetailsGenerator details;
    private final Set<Integer> years;
    private final ExtraMovies extras;
    private final ExportExtras exportExtras;

    private SandboxCatalogue(long seed, SortedMap<Integer, Integer> moviesPerYear) {
        this.seed = seed;
        layout = new CatalogueLayout(seed, moviesPerYear);
        generator = new MovieGenerator(seed);
        details = new DetailsGenerator(seed);
        years = Collections.unmodifiableSortedSet(new TreeSet<>(moviesPerYear.keySet()));
        extras = new ExtraMovies(seed, List.copyOf(years));
        exportExtras = new ExportExtras(extras.ids(ExtraMovies.Kind.UNDATED), extras.ids(ExtraMovies.Kind.ANNOUNCED),
                extras.ids(ExtraMovies.Kind.PRE_CINEMA), extras.ids(ExtraMovies.Kind.ADULT),
                extras.ids(ExtraMovies.Kind.VIDEO), extras.failing(), removedFromTmdb());
    }

    /** A few hundred movies in each of the five years up to {@code currentYear}: a sandbox import is quick. */
    public static SandboxCatalogue defaultCatalogue(int currentYear) {
        Builder builder = builder();
        for (int yearsBack = 0; yearsBack < DEFAULT_SIZES.length; yearsBack++) {
            builder.year(currentYear - yearsBack, DEFAULT_SIZES[yearsBack]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The years the catalogue was built with, ascending. */
    public Set<Integer> years() {
        return years;
    }

    public int movieCount(int year) {
        return layout.count(year);
    }

    /** The TMDb ids of a year's movies, ascending; none for a year the catalogue lacks. Makes no movie. */
    public Set<Integer> movieIds(int year) {
        if (layout.count(year) == 0) {
            return Set.of();
        }
        return Collections.unmodifiableSortedSet(ordinalsOf(year)
                .map(layout::tmdbId)
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The generated movies of all years: neither the extras nor the festival films count. */
    public int totalMovies() {
        return layout.total();
    }

    /** A generated movie, an extra movie or a festival film TMDb knows. */
    public Optional<SandboxMovie> movie(int tmdbId) {
        var ordinal = layout.ordinalOf(tmdbId);
        if (ordinal.isPresent()) {
            return Optional.of(movieAt(ordinal.getAsInt()));
        }
        // The range check comes first so that looking up a generated id never reads the oscars file.
        return FestivalFilms.holds(tmdbId) ? festivalFilms().movie(tmdbId) : extras.movie(tmdbId);
    }

    /** Whether {@code tmdbId} is one of the generated movies, the only ones TMDb's change feed edits. */
    public boolean generated(int tmdbId) {
        return layout.ordinalOf(tmdbId).isPresent();
    }

    /** The extra movies' ids by kind, and the generated movies TMDb deletes. */
    public ExportExtras exportExtras() {
        return exportExtras;
    }

    /** The extra movies themselves, by TMDb id: a few dozen at most. */
    public Collection<SandboxMovie> extraMovies() {
        return extras.all();
    }

    /** Movies released from {@code from} to {@code to}, both inclusive, by release date, then TMDb id. */
    public List<SandboxMovie> moviesReleasedBetween(LocalDate from, LocalDate to) {
        return years.stream()
                .filter(year -> year >= from.getYear() && year <= to.getYear())
                .flatMap(year -> ordinalsOf(year).mapToObj(this::movieAt))
                .filter(movie -> !movie.releaseDate().isBefore(from) && !movie.releaseDate().isAfter(to))
                .sorted(Comparator.comparing(SandboxMovie::releaseDate).thenComparingInt(SandboxMovie::tmdbId))
                .toList();
    }

    /**
     * The nominated films TMDb knows, besides the generated movies, in the order of their TMDb ids: the same in
     * every catalogue. For tests that check what is said of every one of them.
     */
    public List<SandboxMovie> nominatedFilms() {
        return festivalFilms().known();
    }

    /** What TMDb's details endpoint shows of one of this catalogue's movies beyond discover, before TMDb's edits. */
    public MovieDetails details(SandboxMovie movie) {
        String status = movie.releaseDate() == null ? UNDATED
                : exportExtras.announced().contains(movie.tmdbId()) ? ANNOUNCED
                : RELEASED;
        return details.details(movie, status);
    }

    /** What every movie is drawn from; TMDb's edits to them are drawn from it too. */
    public long seed() {
        return seed;
    }

    public FestivalFilms festivalFilms() {
        return FestivalFilms.bundled();
    }

    /** The festival film or generated movie TMDb knows by this IMDb id; at most one, as no two share it. */
    public Optional<SandboxMovie> movieByImdbId(String imdbId) {
        return festivalFilms().byImdbId(imdbId).or(() -> {
            OptionalInt candidate = MovieGenerator.candidateOrdinal(imdbId);
            if (candidate.isEmpty() || candidate.getAsInt() >= layout.total()) {
                return Optional.empty();
            }
            int ordinal = candidate.getAsInt();
            return imdbId.equals(generator.imdbId(ordinal, layout.yearOf(ordinal), layout.indexInYear(ordinal)))
                    ? Optional.of(movieAt(ordinal))
                    : Optional.empty();
        });
    }

    /** The positions of a year's movies in the catalogue, the handle the discover index sorts and caches. */
    public IntStream ordinalsOf(int year) {
        int first = layout.firstOrdinal(year);
        return IntStream.range(first, first + layout.count(year));
    }

    public SandboxMovie movieAt(int ordinal) {
        return generator.movie(layout.tmdbId(ordinal), ordinal, layout.yearOf(ordinal), layout.indexInYear(ordinal));
    }

    /** Much cheaper than {@code movieAt(ordinal).tmdbId()}, for filtering windows by id. */
    public int tmdbIdAt(int ordinal) {
        return layout.tmdbId(ordinal);
    }

    /** Much cheaper than {@code movieAt(ordinal).releaseDate()}, for filtering large years by date. */
    public LocalDate releaseDateAt(int ordinal) {
        return generator.releaseDate(layout.yearOf(ordinal), layout.indexInYear(ordinal));
    }

    /** A movie's release year, which is the year it was generated for: no movie needs making. */
    public int yearAt(int ordinal) {
        return layout.yearOf(ordinal);
    }

    /** Much cheaper than {@code movieAt(ordinal).title()}, for indexing a million titles. */
    public String titleAt(int ordinal) {
        return generator.title(layout.yearOf(ordinal), layout.indexInYear(ordinal));
    }

    /** Much cheaper than {@code movieAt(ordinal).popularity()}, for ranking many search results. */
    public double popularityAt(int ordinal) {
        return generator.popularity(layout.yearOf(ordinal), layout.indexInYear(ordinal));
    }

    /**
     * Three movies of the middle one of the years holding at least three, about a quarter, a half and three
     * quarters into it, each the first from there that meets every quality criterion: a year import imports
     * them, so the sweep after it has something to find removed. Far from a year's first ids, which tests
     * take for their own faults.
     */
    private Set<Integer> removedFromTmdb() {
        List<Integer> candidates = years.stream().filter(year -> layout.count(year) >= REMOVED_MOVIES).toList();
        if (candidates.isEmpty()) {
            return Set.of();
        }
        int year = candidates.get(candidates.size() / 2);
        int count = layout.count(year);
        Set<Integer> removed = new TreeSet<>();
        for (int share = 1; share <= REMOVED_MOVIES; share++) {
            int index = count * share / (REMOVED_MOVIES + 1);
            while (index < count && (removed.contains(layout.tmdbId(layout.firstOrdinal(year) + index))
                    || !generator.meetsEveryCriterion(year, index))) {
                index++;
            }
            if (index < count) {
                removed.add(layout.tmdbId(layout.firstOrdinal(year) + index));
            }
        }
        return removed;
    }

    public static final class Builder {

        private static final int FIRST_YEAR = 1;
        private static final int LAST_YEAR = 9999;

        private long seed = DEFAULT_SEED;
        private final SortedMap<Integer, Integer> moviesPerYear = new TreeMap<>();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets how many movies {@code year} holds; asking again for the same year replaces the count. */
        public Builder year(int year, int movieCount) {
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new IllegalArgumentException("Year " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
            }
            if (movieCount < 0) {
                throw new IllegalArgumentException("A year cannot hold " + movieCount + " movies");
            }
            moviesPerYear.put(year, movieCount);
            return this;
        }

        public SandboxCatalogue build() {
            return new SandboxCatalogue(seed, new TreeMap<>(moviesPerYear));
        }
    }
}
