package org.cinegraph.query.lists;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The canonical lists, each with how far the lookups of its members got. */
interface CanonicalListRepository extends Repository<CanonicalListRow, String> {

    String SUMMARIES = """
            select new org.cinegraph.query.lists.ListSummary(l.listKey, count(m.imdbId), count(m.tmdbId),
                   count(m.imdbId) filter (where m.status = 'not_found'),
                   count(m.imdbId) filter (where m.status = 'pending'), l.importedAt)
              from CanonicalListRow l left join ListMemberRow m on m.listKey = l.listKey""";

    @Query(value = SUMMARIES + " group by l.listKey order by l.listKey",
            countQuery = "select count(*) from CanonicalListRow l")
    Page<ListSummary> summaries(Pageable page);

    @Query(SUMMARIES + " where l.listKey = :key group by l.listKey")
    Optional<ListSummary> summary(String key);
}
