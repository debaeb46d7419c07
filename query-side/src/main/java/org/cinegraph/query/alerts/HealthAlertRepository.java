package org.cinegraph.query.alerts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface HealthAlertRepository extends Repository<HealthAlertRow, String> {

    Page<HealthAlertRow> findAll(Pageable page);
}
