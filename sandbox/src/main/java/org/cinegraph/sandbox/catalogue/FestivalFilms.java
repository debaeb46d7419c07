package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cinegraph.sandbox.oscars.OscarsNominations;
import org.cinegraph.sandbox.oscars.OscarsNominations.Nomination;

/**
 * The films nominated in the bundled {@code oscars.csv}, which every catalogue's TMDb knows besides its generated
 * movies, so that sandbox mode can match nominations to TMDb movies. Discover, the year counts and the change feed
 * leave them out: they are what a client finds by IMDb id or title, not what it imports by year.
 *
 * <p>A film is released on a day of the year before the first ceremony that nominates it. About one in twenty,
 * chosen by a stable hash of the IMDb id, is unknown to TMDb, so that a client meets nominations it cannot match,
 * as it does against the real TMDb, and the same ones on every run. Everything else about a film is drawn from
 * its IMDb id too, never from a catalogue's seed, so all catalogues agree on the festival films; and every film
 * passes the importer's quality filter, as a nominated film is no obscure record.
 *
 * <p>TMDb ids run from {@value #FIRST_TMDB_ID} in the order of first ceremony, then IMDb id, a slot for every
 * film, known or not: a file that gains a ceremony gives new ids to the new films only. The ids stay below
 * {@link CatalogueLayout#FIRST_TMDB_ID}, the lowest id the layout allots, so they can never be a generated
 * movie's; above the generated ids there is no room, since the largest catalogue the layout allows reaches
 * nearly {@link Integer#MAX_VALUE}.
 */
public final class FestivalFilms {

    public static final int FIRST_TMDB_ID = 100_000;
    private static final int UNKNOWN_ODDS = 20;
    private static final long UNKNOWN = 401;
    private static final long RELEASE_DATE = 402;
    private static final long LOOK = 403;
    private static final long RECEPTION = 404;
    private static final long OVERVIEW = 405;
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    private final Set<String> nominated;
    private final SandboxMovie[] bySlot;
    private final Map<String, SandboxMovie> byImdbId;
    private final List<SandboxMovie> known;
    private final TitleIndex titles;

    private FestivalFilms(Set<String> nominated, SandboxMovie[] bySlot) {
        this.nominated = nominated;
        this.bySlot = bySlot;
        byImdbId = new HashMap<>();
        List<SandboxMovie> films = new ArrayList<>();
        for (SandboxMovie film : bySlot) {
            if (film != null) {
                byImdbId.put(film.imdbId(), film);
                films.add(film);
            }
        }
        known = List.copyOf(films);
        titles = TitleIndex.of(known.size(), position -> known.get(position).title());
    }

    /** The films of the bundled file, read on first use and then kept for the life of the JVM. */
    static FestivalFilms bundled() {
        return Bundled.FILMS;
    }

    private static FestivalFilms of(OscarsNominations nominations) {
        Map<String, Nominated> firstNominations = new LinkedHashMap<>();
        for (int year : nominations.years()) {
            nominations.ceremony(year).orElseThrow().values().stream()
                    .flatMap(List::stream)
                    .forEach(nomination -> films(nomination)
                            .forEach(film -> firstNominations.putIfAbsent(film.imdbId(), film)));
        }
        List<Nominated> inOrder = firstNominations.values().stream()
                .sorted(Comparator.comparingInt(Nominated::ceremony).thenComparingLong(Nominated::number))
                .toList();
        if (FIRST_TMDB_ID + inOrder.size() > CatalogueLayout.FIRST_TMDB_ID) {
            throw new IllegalStateException(inOrder.size() + " nominated films do not fit below the generated ids");
        }
        SandboxMovie[] bySlot = new SandboxMovie[inOrder.size()];
        for (int slot = 0; slot < bySlot.length; slot++) {
            Nominated film = inOrder.get(slot);
            bySlot[slot] = knownToTmdb(film.number()) ? film.movie(FIRST_TMDB_ID + slot) : null;
        }
        return new FestivalFilms(Set.copyOf(firstNominations.keySet()), bySlot);
    }

    /** Whether {@code tmdbId} lies in the festival films' range; says nothing of whether TMDb knows the film. */
    public static boolean holds(int tmdbId) {
        return tmdbId >= FIRST_TMDB_ID && tmdbId < CatalogueLayout.FIRST_TMDB_ID;
    }

    /** Whether the file nominates a film of this IMDb id, known to TMDb or not. */
    boolean nominated(String imdbId) {
        return nominated.contains(imdbId);
    }

    Optional<SandboxMovie> movie(int tmdbId) {
        int slot = tmdbId - FIRST_TMDB_ID;
        return slot >= 0 && slot < bySlot.length ? Optional.ofNullable(bySlot[slot]) : Optional.empty();
    }

    /** The films TMDb knows, by TMDb id. */
    List<SandboxMovie> known() {
        return known;
    }

    Optional<SandboxMovie> byImdbId(String imdbId) {
        return Optional.ofNullable(byImdbId.get(imdbId));
    }

    /** The known films whose title holds every one of {@code words}, as {@link TitleIndex#words} folds them. */
    public List<SandboxMovie> titled(List<String> words) {
        return Arrays.stream(titles.matching(words)).mapToObj(known::get).toList();
    }

    private static boolean knownToTmdb(long imdbNumber) {
        return new Draws(UNKNOWN, imdbNumber).nextInt(UNKNOWN_ODDS) != 0;
    }

    /**
     * The films of a nomination with their IMDb ids, paired by position; a nomination whose films and ids do not
     * pair up one to one says nothing sure of any of its films, and an unknown id ("?") names none.
     */
    private static List<Nominated> films(Nomination nomination) {
        if (nomination.films().size() != nomination.imdbIds().size()) {
            return List.of();
        }
        List<Nominated> films = new ArrayList<>(nomination.films().size());
        for (int position = 0; position < nomination.films().size(); position++) {
            String imdbId = nomination.imdbIds().get(position);
            if (IMDB_ID.matcher(imdbId).matches()) {
                films.add(new Nominated(imdbId, nomination.films().get(position), nomination.ceremony()));
            }
        }
        return films;
    }

    /** A film as its first nomination names it; {@code title} is the string the ceremony pages show. */
    private record Nominated(String imdbId, String title, int ceremony) {

        long number() {
            return Long.parseLong(imdbId.substring(2));
        }

        SandboxMovie movie(int tmdbId) {
            int year = OscarsNominations.FIRST_CEREMONY_YEAR_OFFSET + ceremony - 1;
            LocalDate releaseDate = LocalDate.ofYearDay(year, 1 + draws(RELEASE_DATE).nextInt(Year.of(year).length()));
            Draws look = draws(LOOK);
            Origin origin = Origin.draw(look);
            String posterPath = look.imagePath("jpg");
            String backdropPath = look.chance(0.9) ? look.imagePath("jpg") : null;
            List<Integer> genreIds = Genre.drawIds(look);
            Draws reception = draws(RECEPTION);
            // Well above the importer's thresholds (ten votes, popularity 0.5), with a tail of famous films.
            int voteCount = (int) Math.min(35_000, 50 + 300.0 * (1.0 / reception.nextPositiveDouble() - 1.0));
            double voteAverage = Draws.thousandths(6.0 + 2.6 * reception.nextDouble());
            double popularity = Draws.thousandths(
                    Math.min(9_000, 2.0 + 4.0 * (Math.pow(reception.nextPositiveDouble(), -0.8) - 1.0)));
            return new SandboxMovie(tmdbId, imdbId, title, title, origin.language(), origin.country(), releaseDate,
                    popularity, voteCount, voteAverage, posterPath, backdropPath, genreIds,
                    Prose.overview(draws(OVERVIEW)), false, false);
        }

        private Draws draws(long attribute) {
            return new Draws(attribute, number());
        }
    }

    /** Holds the bundled films until first asked for, so a catalogue that never meets them never reads the file. */
    private static final class Bundled {

        static final FestivalFilms FILMS = of(OscarsNominations.bundled());
    }
}
