package org.cinegraph.query.lists;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;
import static org.cinegraph.kernel.problems.Problems.problem;

import java.time.Instant;
import java.util.List;
import org.cinegraph.query.web.ListPage;
import org.cinegraph.query.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The canonical lists read API: every list with how many of its members are matched to a TMDb movie, and one
 * list's members in list order. A member's status tells how far it got: {@code pending} (not looked up yet),
 * {@code not_found} (TMDb knows no movie of its IMDb id, or the lookup failed: {@code reason}), or, once found,
 * what became of its movie: {@code imported}, {@code skipped} by the quality filter, {@code failed} to fetch, or
 * {@code found} while its import is under way.
 */
@RestController
record ListsController(CanonicalListRepository lists, ListMemberRepository members) {

    static final List<String> STATUSES = List.of("pending", "not_found", "found", "imported", "skipped", "failed");

    @GetMapping("/api/lists")
    ListPage<ListSummary> lists(@RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset) {
        return ListPage.of(lists.summaries(Paging.of(limit, offset)));
    }

    /** The list with its members in list order, those of one {@code status} when given. */
    @GetMapping("/api/lists/{key}")
    ListView list(@PathVariable String key, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        Paging paging = Paging.of(limit, offset);
        if (status != null && !STATUSES.contains(status)) {
            throw invalidParameter("status must be one of " + String.join(", ", STATUSES) + ".");
        }
        ListSummary summary = lists.summary(key).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "List not found",
                "No list '" + key + "' has been imported; POST /api/admin/lists/{key} imports one."));
        Page<ListMember> page = status == null ? members.members(key, paging) : members.members(key, status, paging);
        return new ListView(summary.key(), summary.size(), summary.matched(), summary.notFound(), summary.pending(),
                summary.importedAt(), page.getTotalElements(), page.map(ListsController::member).getContent());
    }

    private static Member member(ListMember member) {
        return new Member(member.getPosition() + 1, member.getImdbId(), member.getTmdbId(), member.getTitle(),
                member.getYear(), member.getStatus(), member.getReason(), member.getAttempts());
    }

    /** A list with one page of its members ({@code total} counts those of the status asked for). */
    record ListView(String key, long size, long matched, long notFound, long pending, Instant importedAt, long total,
                    List<Member> items) {
    }

    /**
     * A member: its {@code position} in the list from 1, {@code tmdbId} null until found, {@code reason} why the
     * last lookup failed, {@code attempts} how many lookups it took.
     */
    record Member(int position, String imdbId, Integer tmdbId, String title, Integer year, String status,
                  String reason, int attempts) {
    }
}
