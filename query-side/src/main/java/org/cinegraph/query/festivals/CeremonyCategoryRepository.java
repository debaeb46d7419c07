package org.cinegraph.query.festivals;

import java.util.List;
import org.springframework.data.repository.Repository;

interface CeremonyCategoryRepository extends Repository<CeremonyCategoryRow, CeremonyCategoryRow.Key> {

    List<CeremonyCategoryRow> findByOrganizationAndYearOrderByPosition(String organization, int year);
}
