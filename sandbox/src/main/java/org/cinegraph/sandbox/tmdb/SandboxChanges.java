package org.cinegraph.sandbox.tmdb;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.cinegraph.sandbox.catalogue.MovieDetails;

/**
 * TMDb's edits to its movies, as its change feed ({@code /movie/changes}) lists them and its details show
 * them. From the first day of the current year on, each movie is edited on about one day in forty, a pure
 * function of the seed, the movie and the day; {@link #edit(int)} edits one now. Each edit adds to the movie's
 * revenue, so the details of an edited movie really differ from before.
 */
public final class SandboxChanges {

    /** What each edit adds to a movie's revenue. */
    static final long REVENUE_PER_EDIT = 1_000;
    /** One day in this many, a movie is edited. */
    private static final int EDIT_ODDS = 40;

    private final long seed;
    private final Clock clock;
    private final Map<Integer, List<LocalDate>> edits = new ConcurrentHashMap<>();
    private final AtomicInteger editCount = new AtomicInteger();

    public SandboxChanges(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** Edits the movie today: it is in today's change feed, and its details differ from before. */
    public void edit(int tmdbId) {
        edits.computeIfAbsent(tmdbId, id -> new CopyOnWriteArrayList<>()).add(today());
        editCount.incrementAndGet();
    }

    /** How many edits {@link #edit(int)} made: the feed of a day changes with it. */
    int editCount() {
        return editCount.get();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** How many times the movie was edited up to today. */
    int revision(int tmdbId) {
        LocalDate today = today();
        LocalDate first = firstDay(today);
        long natural = first.datesUntil(today.plusDays(1)).filter(day -> editedOn(tmdbId, day)).count();
        return (int) natural + edits.getOrDefault(tmdbId, List.of()).size();
    }

    /** Whether the movie was edited on a day from {@code from} to {@code to}, both inclusive, up to today. */
    boolean editedBetween(int tmdbId, LocalDate from, LocalDate to) {
        LocalDate today = today();
        LocalDate last = to.isAfter(today) ? today : to;
        LocalDate first = from.isBefore(firstDay(today)) ? firstDay(today) : from;
        if (first.isAfter(last)) {
            return false;
        }
        if (edits.getOrDefault(tmdbId, List.of()).stream().anyMatch(day -> !day.isBefore(from) && !day.isAfter(last))) {
            return true;
        }
        return IntStream.rangeClosed(0, (int) (last.toEpochDay() - first.toEpochDay()))
                .anyMatch(offset -> editedOn(tmdbId, first.plusDays(offset)));
    }

    private boolean editedOn(int tmdbId, LocalDate day) {
        long mixed = seed * 0x9E3779B97F4A7C15L + tmdbId * 0xBF58476D1CE4E5B9L + day.toEpochDay() * 0x94D049BB133111EBL;
        mixed ^= mixed >>> 31;
        mixed *= 0xD6E8FEB86659FD93L;
        mixed ^= mixed >>> 32;
        return Math.floorMod(mixed, EDIT_ODDS) == 0;
    }

    private static LocalDate firstDay(LocalDate today) {
        return today.withDayOfYear(1);
    }

    /**
     * The movie's details as TMDb shows them today: each edit added to its revenue (box-office takings come in),
     * a field discover does not show, so discover and details still agree.
     */
    MovieDetails asEdited(MovieDetails details) {
        int revision = revision(details.movie().tmdbId());
        if (revision == 0) {
            return details;
        }
        return new MovieDetails(details.movie(), details.origin(), details.collection(), details.budget(),
                details.revenue() + revision * REVENUE_PER_EDIT, details.runtime(), details.tagline(),
                details.homepage(), details.companies(), details.cast(), details.crew(), details.keywords(),
                details.releases(), details.wikidataId(), details.status());
    }
}
