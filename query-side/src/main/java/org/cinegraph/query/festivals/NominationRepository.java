package org.cinegraph.query.festivals;

import java.util.List;
import org.springframework.data.repository.Repository;

interface NominationRepository extends Repository<NominationRow, NominationRow.Key> {

    List<NominationRow> findByOrganizationAndYearOrderByPosition(String organization, int year);
}
