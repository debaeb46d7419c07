package org.cinegraph.command.yearimport;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cinegraph.command.catalogue.MovieFetch;
import org.cinegraph.command.catalogue.MovieOutcome;
import org.cinegraph.command.catalogue.OutcomeLedger;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.command.tmdb.TmdbRequestPool;
import org.cinegraph.events.CompleteYearImport;
import org.cinegraph.events.DateWindow;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.ListedMovie;
import org.cinegraph.events.PlannedWindow;
import org.cinegraph.events.RecordYearPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one year's import, resumable at any point: the plan is made once per run, pages already read
 * are not read again, and movies that already have their outcome are not fetched again.
 */
class YearImportJob {

    /** TMDb serves discover pages 1 to 500 only. */
    static final int LAST_DISCOVER_PAGE = 500;
    /** Readings of a window whose count keeps changing before the import goes on without another. */
    static final int MAX_PASSES = 3;
    /** Discover pages fetched ahead of the one being recorded. */
    static final int PAGES_AHEAD = 4;
    /** Outcomes recorded per transaction. */
    static final int OUTCOMES_PER_BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(YearImportJob.class);

    private final int year;
    private final Instant runStartedAt;
    private final TmdbClient tmdb;
    private final YearRuns runs;
    private final PageLedger pages;
    private final OutcomeLedger outcomes;
    private final MovieFetch fetch;
    private final CommandGateway commands;
    private final TmdbRequestPool detailWorkers;
    private final String owner;
    private final BooleanSupplier keepGoing;

    /**
     * @param owner     the node whose claim on the year every write of the job requires
     * @param keepGoing false once this node must stop working on the year (another node took it over)
     */
    YearImportJob(int year, Instant runStartedAt, Collaborators with, TmdbRequestPool detailWorkers, String owner,
                  BooleanSupplier keepGoing) {
        this.year = year;
        this.runStartedAt = runStartedAt;
        this.tmdb = with.tmdb();
        this.runs = with.runs();
        this.pages = with.pages();
        this.outcomes = with.outcomes();
        this.fetch = with.fetch();
        this.commands = with.commands();
        this.detailWorkers = detailWorkers;
        this.owner = owner;
        this.keepGoing = keepGoing;
    }

    /** What every job works with: the runner's, shared by all its jobs. */
    record Collaborators(TmdbClient tmdb, YearRuns runs, PageLedger pages, OutcomeLedger outcomes, MovieFetch fetch,
                         CommandGateway commands) {
    }

    /** @return true when the year completed, false when the run stopped early and is to be resumed */
    boolean run() throws InterruptedException {
        List<PlannedWindow> windows = plannedWindows();
        for (PlannedWindow window : windows) {
            if (!discover(window)) {
                return false;
            }
        }
        List<ListedMovie> awaiting = pages.awaitingOutcome(year, runStartedAt);
        log.info("Year {}: {} movies to import", year, awaiting.size());
        if (!importAll(awaiting)) {
            return false;
        }
        YearCounts counts = pages.counts(year);
        if (!counts.everyMovieHasItsOutcome()) {
            log.warn("Year {}: {} of {} discovered movies still have no outcome; the next run resumes", year,
                    counts.discovered() - counts.imported() - counts.skipped() - counts.failed(), counts.discovered());
            return false;
        }
        try {
            commands.sendAndWait(new CompleteYearImport(year, counts.discovered(), counts.imported(),
                    counts.skipped(), counts.failed()));
        } catch (YearImportNotRunningException alreadyEnded) {
            // Ended already (before a crash of the old version kept its ledger from noting it): this run is over.
            runs.forgetRun(year, runStartedAt);
            return true;
        }
        log.info("Year {} completed: {} discovered, {} imported, {} skipped, {} failed", year, counts.discovered(),
                counts.imported(), counts.skipped(), counts.failed());
        return true;
    }

    /**
     * The plan of this run. A run that resumes plans again (a few discover requests) and is answered with the plan
     * its year recorded first, to which the pages it read belong.
     */
    private List<PlannedWindow> plannedWindows() {
        DiscoveryPlanner.Plan plan = new DiscoveryPlanner(tmdb).plan(year);
        List<PlannedWindow> windows = commands.sendAndWait(new RecordYearPlan(year, plan.tmdbTotal(), plan.windows()));
        log.info("Year {}: TMDb lists {} movies; discovering them in {} date windows", year, plan.tmdbTotal(),
                windows.size());
        return windows;
    }

    /**
     * Reads the window until a whole reading saw TMDb's count of it unchanged: a movie deleted or added
     * while the pages are read shifts the movies after it, and one can slip onto a page already read.
     */
    private boolean discover(PlannedWindow planned) throws InterruptedException {
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            if (!read(planned, pass)) {
                return false;
            }
            if (!pages.countChangedDuring(year, runStartedAt, planned.window(), pass)) {
                return true;
            }
            log.info("Year {}: TMDb's count of {} changed while it was read; reading it again", year,
                    planned.window());
        }
        log.warn("Year {}: {} kept changing over {} readings; movies that moved between its pages may be missing",
                year, planned.window(), MAX_PASSES);
        return true;
    }

    /**
     * Reads the window's pages in order, recording each as it comes. The first page to read is read alone, for
     * TMDb's count of the window now; then up to {@value #PAGES_AHEAD} pages are fetched at once, the one to record
     * next and those after it, none past the window's last page as TMDb last counted it.
     *
     * @return false when the job has to stop before the reading is done
     */
    private boolean read(PlannedWindow planned, int pass) throws InterruptedException {
        Set<Integer> read = pages.pagesRead(year, runStartedAt, planned.window(), pass);
        int totalPages = Math.max(planned.totalPages(),
                pages.lastSeenTotalPages(year, runStartedAt, planned.window()));
        Deque<PageFetch> ahead = new ArrayDeque<>();
        int fetchedUpTo = 0;
        boolean recordedAny = false;
        try {
            for (int page = 1; page <= Math.min(totalPages, LAST_DISCOVER_PAGE); page++) {
                if (read.contains(page)) {
                    continue;
                }
                if (!keepGoing.getAsBoolean()) {
                    return false;
                }
                fetchedUpTo = Math.max(fetchedUpTo, page - 1);
                int inFlight = recordedAny ? PAGES_AHEAD : 1;
                while (ahead.size() < inFlight && fetchedUpTo < Math.min(totalPages, LAST_DISCOVER_PAGE)) {
                    fetchedUpTo++;
                    if (!read.contains(fetchedUpTo)) {
                        ahead.add(new PageFetch(fetchedUpTo, fetchPage(planned.window(), fetchedUpTo)));
                    }
                }
                PageFetch fetch = ahead.removeFirst();
                if (fetch.page() != page) {
                    throw new IllegalStateException("Page " + fetch.page() + " was fetched in place of " + page);
                }
                DiscoverPage discovered = fetch.get();
                pages.recordPage(year, runStartedAt, owner, planned.window(), pass, discovered);
                totalPages = discovered.totalPages();
                recordedAny = true;
            }
        } finally {
            ahead.forEach(fetch -> fetch.discovered().cancel(false));
        }
        if (totalPages > LAST_DISCOVER_PAGE) {
            log.warn("Year {}: window {} grew to {} pages while it was read; discover reaches only {}", year,
                    planned.window(), totalPages, LAST_DISCOVER_PAGE);
        }
        return true;
    }

    private Future<DiscoverPage> fetchPage(DateWindow window, int page) {
        return detailWorkers.submit(() -> tmdb.discover(window.from(), window.to(), page));
    }

    /** A discover page being fetched. */
    private record PageFetch(int page, Future<DiscoverPage> discovered) {

        /** The page, or what its fetch threw (TMDb unavailable, its credentials refused, ...). */
        DiscoverPage get() throws InterruptedException {
            try {
                return discovered.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("Reading discover page " + page + " failed unexpectedly",
                        e.getCause());
            }
        }
    }

    /**
     * Fetches and records the movies a batch at a time. The next batch is fetched while this one is recorded, so
     * neither TMDb's connections nor the database wait for the other.
     *
     * @return false when the job has to stop before every movie has its outcome
     */
    private boolean importAll(List<ListedMovie> awaiting) throws InterruptedException {
        Fetches current = fetch(awaiting, 0);
        Fetches next = current;
        try {
            for (int from = 0; from < awaiting.size(); from += OUTCOMES_PER_BATCH) {
                if (!keepGoing.getAsBoolean()) {
                    return false;
                }
                current = next;
                next = fetch(awaiting, from + OUTCOMES_PER_BATCH);
                List<MovieOutcome> batch = current.outcomes();
                runs.whileHeld(year, runStartedAt, owner, () -> outcomes.record(batch));
                if (batch.size() < current.size()) {
                    return false;
                }
            }
            return true;
        } finally {
            current.cancel();
            next.cancel();
        }
    }

    /** Starts fetching the batch of movies that begins at {@code from}; none past the end. */
    private Fetches fetch(List<ListedMovie> movies, int from) {
        List<Future<MovieOutcome>> fetches = new ArrayList<>();
        for (ListedMovie movie : movies.subList(Math.min(from, movies.size()),
                Math.min(from + OUTCOMES_PER_BATCH, movies.size()))) {
            fetches.add(detailWorkers.submit(() -> importDetails(movie)));
        }
        return new Fetches(fetches);
    }

    /** A batch of movies being fetched in parallel. */
    private final class Fetches {

        private final List<Future<MovieOutcome>> fetches;

        Fetches(List<Future<MovieOutcome>> fetches) {
            this.fetches = fetches;
        }

        int size() {
            return fetches.size();
        }

        /** The outcomes in order, up to the first fetch that was interrupted (the node is stopping). */
        List<MovieOutcome> outcomes() throws InterruptedException {
            List<MovieOutcome> outcomes = new ArrayList<>();
            for (Future<MovieOutcome> fetch : fetches) {
                try {
                    MovieOutcome outcome = fetch.get();
                    if (outcome == null) {
                        break;
                    }
                    outcomes.add(outcome);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TmdbCredentialsRejectedException rejected) {
                        throw rejected;
                    }
                    throw new IllegalStateException("Importing a movie of " + year + " failed unexpectedly",
                            e.getCause());
                }
            }
            return outcomes;
        }

        /** Stops the fetches not begun; their movies are fetched again by the next run. */
        void cancel() {
            fetches.forEach(fetch -> fetch.cancel(false));
        }
    }

    private MovieOutcome importDetails(ListedMovie listed) {
        return fetch.fetch(listed.tmdbId(), listed.title(), year, ImportSource.YEAR_IMPORT);
    }
}
