package org.cinegraph.query.festivals;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CeremonyRepository extends Repository<CeremonyRow, CeremonyRow.Key> {

    Optional<CeremonyRow> findById(CeremonyRow.Key key);

    /** The organization's ceremonies, newest first, with what each holds. */
    @Query("""
            select new org.cinegraph.query.festivals.CeremonySummary(c.year, c.ceremonyNumber,
                   (select count(*) from CeremonyCategoryRow k where k.organization = c.organization and k.year = c.year),
                   count(n.nominationKey), count(n.nominationKey) filter (where n.winner), count(n.tmdbId),
                   c.sourceUrl, c.scrapedAt)
              from CeremonyRow c
              left join NominationRow n on n.organization = c.organization and n.year = c.year
             where c.organization = :organization
             group by c.organization, c.year order by c.year desc""")
    List<CeremonySummary> summaries(String organization);
}
