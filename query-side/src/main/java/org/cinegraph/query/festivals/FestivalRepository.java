package org.cinegraph.query.festivals;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FestivalRepository extends Repository<FestivalOrganizationRow, String> {

    boolean existsById(String abbreviation);

    @Query("""
            select new org.cinegraph.query.festivals.Festival(o.abbreviation, o.name,
                   (select count(*) from CeremonyRow c where c.organization = o.abbreviation),
                   (select count(*) from NominationRow n where n.organization = o.abbreviation))
              from FestivalOrganizationRow o order by o.abbreviation""")
    List<Festival> festivals();
}
