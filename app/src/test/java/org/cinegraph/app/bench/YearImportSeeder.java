package org.cinegraph.app.bench;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ImportTrigger;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.MovieImported;
import org.cinegraph.events.MovieSkipped;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.QualityCriteria;
import org.cinegraph.events.StartYearImport;
import org.cinegraph.events.TmdbTotalUpdated;
import org.cinegraph.events.YearImportCompleted;
import org.cinegraph.events.YearImportPlanned;
import org.cinegraph.events.YearImportStarted;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.tmdb.MovieDetailsJson;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends the events of completed year imports through the application's own event store, so they are
 * serialized and stored exactly as the importer stores them, in the order one run records them: start,
 * TMDb's total, plan, every page, one outcome per movie, completion. Movies and their TMDb records come from
 * the sandbox's generated catalogue. One year at a time is held in memory, so any number of events fits.
 */
final class YearImportSeeder {

    /** A busy recent year: more than one date window, as such a year needs. */
    static final int MOVIES_PER_YEAR = 10_000;
    private static final int NEWEST_YEAR = 2024;
    private static final int MOVIES_PER_PAGE = 20;
    private static final int MOVIES_PER_WINDOW = 9_000;
    /** Start, TMDb total, plan and completion. */
    private static final int EVENTS_PER_YEAR_BESIDES_MOVIES = 4;
    private static final int EVENTS_PER_TRANSACTION = 1_000;
    private static final String AGGREGATE_TYPE = "YearImport";
    private static final String SOURCE = "year_import";
    private static final List<List<String>> SKIP_REASONS = List.of(
            List.of(QualityCriteria.HAS_POSTER, QualityCriteria.HAS_VOTES, QualityCriteria.HAS_POPULARITY),
            List.of(QualityCriteria.HAS_VOTES, QualityCriteria.HAS_POPULARITY, QualityCriteria.HAS_RELEASE_DATE),
            List.of(QualityCriteria.HAS_POSTER, QualityCriteria.HAS_VOTES, QualityCriteria.HAS_RELEASE_DATE),
            List.of(QualityCriteria.HAS_POSTER, QualityCriteria.HAS_POPULARITY, QualityCriteria.HAS_RELEASE_DATE));

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final List<EventMessage<?>> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);

    YearImportSeeder(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /**
     * Years, newest first, and their movie counts, holding at most {@code events} events in all. A year's
     * pages are bounded from above (a window's last page may be short), so the store ends a few events under.
     */
    static Map<Integer, Integer> plan(long events) {
        Map<Integer, Integer> moviesPerYear = new LinkedHashMap<>();
        long left = events;
        for (int year = NEWEST_YEAR; ; year--) {
            int movies = MOVIES_PER_YEAR;
            while (movies > 0 && maxEvents(movies) > left) {
                movies--;
            }
            if (movies == 0) {
                return moviesPerYear;
            }
            moviesPerYear.put(year, movies);
            left -= maxEvents(movies);
        }
    }

    private static long maxEvents(int movies) {
        int windows = windowCount(movies);
        return EVENTS_PER_YEAR_BESIDES_MOVIES + movies + (movies + MOVIES_PER_PAGE - 1) / MOVIES_PER_PAGE
                + (windows - 1);
    }

    /** @return the number of movies seeded */
    long seed(Map<Integer, Integer> moviesPerYear) {
        SandboxCatalogue.Builder builder = SandboxCatalogue.builder();
        moviesPerYear.forEach(builder::year);
        SandboxCatalogue catalogue = builder.build();
        long movies = 0;
        for (Map.Entry<Integer, Integer> year : moviesPerYear.entrySet()) {
            movies += seedYear(catalogue, year.getKey(), year.getValue());
        }
        flush();
        return movies;
    }

    private int seedYear(SandboxCatalogue catalogue, int year, int movieCount) {
        String aggregate = StartYearImport.yearImportId(year);
        appendDomainEvent(aggregate, 0, new YearImportStarted(year, ImportTrigger.SCHEDULE));
        append(new TmdbTotalUpdated(catalogue.totalMovies(), "discover"));

        List<DateWindow> windows = windows(year, windowCount(movieCount));
        List<List<SandboxMovie>> moviesByWindow = windows.stream()
                .map(window -> catalogue.moviesReleasedBetween(window.from(), window.to())).toList();
        List<PlannedWindow> plan = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            int results = moviesByWindow.get(i).size();
            plan.add(new PlannedWindow(windows.get(i), results, pages(results)));
        }
        appendDomainEvent(aggregate, 1, new YearImportPlanned(year, movieCount, plan));

        for (int i = 0; i < windows.size(); i++) {
            List<SandboxMovie> movies = moviesByWindow.get(i);
            for (int page = 1; page <= pages(movies.size()); page++) {
                List<ListedMovie> listed = movies
                        .subList((page - 1) * MOVIES_PER_PAGE, Math.min(page * MOVIES_PER_PAGE, movies.size()))
                        .stream().map(movie -> new ListedMovie(movie.tmdbId(), movie.title(), movie.releaseDate()))
                        .toList();
                append(new PageDiscovered(year, windows.get(i), 1, page, pages(movies.size()), movies.size(),
                        listed));
            }
        }

        int imported = 0;
        int skipped = 0;
        int failed = 0;
        for (List<SandboxMovie> movies : moviesByWindow) {
            for (SandboxMovie movie : movies) {
                Object outcome = outcome(catalogue, year, movie);
                append(outcome);
                imported += outcome instanceof MovieImported ? 1 : 0;
                skipped += outcome instanceof MovieSkipped ? 1 : 0;
                failed += outcome instanceof MovieImportFailed ? 1 : 0;
            }
        }
        appendDomainEvent(aggregate, 2, new YearImportCompleted(year, movieCount, imported, skipped, failed));
        return movieCount;
    }

    /** About 60% imported, 35% skipped and 5% failed, decided by the movie's id so every run seeds the same. */
    private static Object outcome(SandboxCatalogue catalogue, int year, SandboxMovie movie) {
        SplittableRandom draws = new SplittableRandom(movie.tmdbId());
        int draw = draws.nextInt(100);
        if (draw < 60) {
            return new MovieImported(movie.tmdbId(), movie.imdbId(), movie.title(), movie.releaseDate(), year,
                    SOURCE, MovieDetailsJson.withEverySection(catalogue, movie));
        }
        if (draw < 95) {
            return new MovieSkipped(movie.tmdbId(), movie.imdbId(), movie.title(), year, SOURCE,
                    MovieSkipped.QUALITY_FILTER,
                    SKIP_REASONS.get(draws.nextInt(SKIP_REASONS.size())));
        }
        return switch (draws.nextInt(3)) {
            case 0 -> new MovieImportFailed(movie.tmdbId(), null, movie.title(), year, SOURCE,
                    MovieImportFailed.NOT_FOUND, 1, "TMDb answered 404: the movie was deleted after discovery");
            case 1 -> new MovieImportFailed(movie.tmdbId(), null, movie.title(), year, SOURCE,
                    MovieImportFailed.MALFORMED_RESPONSE, 1, "TMDb's answer was not valid JSON");
            default -> new MovieImportFailed(movie.tmdbId(), null, movie.title(), year, SOURCE,
                    MovieImportFailed.HTTP_ERROR, 1, "TMDb answered 503 after 5 attempts");
        };
    }

    /** The year's days cut into {@code count} windows of about equal length, no day in two of them. */
    private static List<DateWindow> windows(int year, int count) {
        int days = Year.of(year).length();
        List<DateWindow> windows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate from = LocalDate.ofYearDay(year, 1 + i * days / count);
            LocalDate to = LocalDate.ofYearDay(year, (i + 1) * days / count);
            windows.add(new DateWindow(from, to));
        }
        return windows;
    }

    private static int windowCount(int movies) {
        return Math.max(1, (movies + MOVIES_PER_WINDOW - 1) / MOVIES_PER_WINDOW);
    }

    private static int pages(int movies) {
        return (movies + MOVIES_PER_PAGE - 1) / MOVIES_PER_PAGE;
    }

    private void appendDomainEvent(String aggregate, long sequence, Object payload) {
        add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence, payload));
    }

    private void append(Object payload) {
        add(GenericEventMessage.asEventMessage(payload));
    }

    private void add(EventMessage<?> event) {
        batch.add(event);
        if (batch.size() == EVENTS_PER_TRANSACTION) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            transactions.executeWithoutResult(status -> eventStore.publish(batch));
            batch.clear();
        }
    }
}
