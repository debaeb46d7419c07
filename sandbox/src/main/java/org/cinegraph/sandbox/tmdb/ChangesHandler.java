package org.cinegraph.sandbox.tmdb;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;
import org.cinegraph.sandbox.tmdb.TmdbParameters.Rejected;

/**
 * {@code GET /3/movie/changes}: the ids of the catalogue's movies edited from {@code start_date} to
 * {@code end_date} (both inclusive; the last day when one is missing, as TMDb does), 100 a page, by id. TMDb
 * refuses a range of more than 14 days.
 */
final class ChangesHandler implements SandboxHandler {

    static final int PAGE_SIZE = 100;
    private static final int MAX_DAYS = 14;

    private final SandboxCatalogue catalogue;
    private final SandboxChanges changes;
    private volatile Answer last;

    ChangesHandler(SandboxCatalogue catalogue, SandboxChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        LocalDate today = changes.today();
        try {
            LocalDate to = request.parameter("end_date").map(TmdbParameters::date).orElse(today);
            LocalDate from = request.parameter("start_date").map(TmdbParameters::date).orElse(to.minusDays(1));
            if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                return TmdbError.INVALID_PARAMETERS.response();
            }
            int page = TmdbParameters.page(request.parameter("page"));
            List<Integer> ids = edited(from, to, today);
            int totalPages = Math.max(1, (ids.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            List<Integer> onPage = ids.subList(Math.min(ids.size(), (page - 1) * PAGE_SIZE),
                    Math.min(ids.size(), page * PAGE_SIZE));
            return SandboxResponse.ok(TmdbJson.changesPage(onPage, page, totalPages, ids.size()));
        } catch (Rejected rejected) {
            return rejected.response();
        }
    }

    /**
     * The edited ids, computed once per range, day and explicit edits: a client reads the pages of one range in
     * a row.
     */
    private List<Integer> edited(LocalDate from, LocalDate to, LocalDate today) {
        Answer answer = last;
        int edits = changes.editCount();
        if (answer == null || !answer.from.equals(from) || !answer.to.equals(to) || !answer.today.equals(today)
                || answer.edits != edits) {
            List<Integer> ids = catalogue.years().stream()
                    .flatMapToInt(year -> catalogue.ordinalsOf(year).map(catalogue::tmdbIdAt))
                    .filter(id -> changes.editedBetween(id, from, to))
                    .sorted()
                    .boxed()
                    .toList();
            answer = new Answer(from, to, today, edits, ids);
            last = answer;
        }
        return answer.ids;
    }

    private record Answer(LocalDate from, LocalDate to, LocalDate today, int edits, List<Integer> ids) {
    }
}
