package org.cinegraph.sandbox.tmdb;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.http.Json;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;
import org.cinegraph.sandbox.http.TmdbError;

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
        Optional<LocalDate> end = date(request.parameter("end_date"));
        Optional<LocalDate> start = date(request.parameter("start_date"));
        if (end == null || start == null) {
            return TmdbError.INVALID_DATE.response();
        }
        LocalDate to = end.orElse(today);
        LocalDate from = start.orElse(to.minusDays(1));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            return TmdbError.INVALID_PARAMETERS.response();
        }
        int page;
        try {
            page = Integer.parseInt(request.parameter("page").orElse("1"));
        } catch (NumberFormatException e) {
            return TmdbError.INVALID_PAGE.response();
        }
        if (page < 1 || page > 500) {
            return TmdbError.INVALID_PAGE.response();
        }
        List<Integer> ids = edited(from, to, today);
        int totalPages = Math.max(1, (ids.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Integer> onPage = ids.subList(Math.min(ids.size(), (page - 1) * PAGE_SIZE),
                Math.min(ids.size(), page * PAGE_SIZE));
        return SandboxResponse.ok(Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("results");
            for (int id : onPage) {
                json.writeStartObject();
                json.writeNumberField("id", id);
                json.writeBooleanField("adult", false);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("page", page);
            json.writeNumberField("total_pages", totalPages);
            json.writeNumberField("total_results", ids.size());
            json.writeEndObject();
        }));
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

    /** Empty when absent, null when not a date. */
    private static Optional<LocalDate> date(Optional<String> parameter) {
        try {
            return parameter.map(LocalDate::parse);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private record Answer(LocalDate from, LocalDate to, LocalDate today, int edits, List<Integer> ids) {
    }
}
