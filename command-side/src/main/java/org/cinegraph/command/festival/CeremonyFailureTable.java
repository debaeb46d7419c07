package org.cinegraph.command.festival;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code festival_ceremony_failure} made again from the ceremonies' failures, as {@link CeremonyFailures} wrote it:
 * a ceremony whose import failed holds the attempts its last failure counted, until it is resolved. The table holds
 * at most one row a ceremony (a hundred or so a festival), kept in memory until the last event and written at once.
 */
@Component
class CeremonyFailureTable implements DerivedTable {

    @Override
    public String name() {
        return "festival_ceremony_failure";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(CeremonyImportFailed.class, CeremonyImportResolved.class);
    }

    /** Lost when empty although a ceremony's failure is stored that no later success resolved. */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM festival_ceremony_failure) AND EXISTS (
                            SELECT 1 FROM domain_event_entry f,
                                   LATERAL (SELECT CAST(convert_from(f.payload, 'UTF8') AS jsonb) AS failure) ff
                             WHERE f.payload_type = 'org.cinegraph.events.CeremonyImportFailed'
                               AND NOT EXISTS (
                                   SELECT 1 FROM domain_event_entry r,
                                          LATERAL (SELECT CAST(convert_from(r.payload, 'UTF8') AS jsonb) AS resolved) rr
                                    WHERE r.payload_type = 'org.cinegraph.events.CeremonyImportResolved'
                                      AND r.global_index > f.global_index
                                      AND rr.resolved ->> 'organization' = ff.failure ->> 'organization'
                                      AND rr.resolved ->> 'year' = ff.failure ->> 'year'))""")
                .query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        Map<CeremonyYear, Integer> attempts = new LinkedHashMap<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof CeremonyImportFailed failed) {
                    attempts.put(new CeremonyYear(failed.organization(), failed.year()), failed.attempt());
                } else if (event.payload() instanceof CeremonyImportResolved resolved) {
                    attempts.remove(new CeremonyYear(resolved.organization(), resolved.year()));
                }
            }

            @Override
            public void finish() {
                if (attempts.isEmpty()) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO festival_ceremony_failure (organization, year, attempts)
                                SELECT * FROM unnest(CAST(:organizations AS text[]), CAST(:years AS int[]),
                                                     CAST(:attempts AS int[]))""")
                        .param("organizations", attempts.keySet().stream().map(CeremonyYear::organization)
                                .toArray(String[]::new))
                        .param("years", attempts.keySet().stream().map(CeremonyYear::year).toArray(Integer[]::new))
                        .param("attempts", attempts.values().toArray(Integer[]::new))
                        .update();
                attempts.clear();
            }
        };
    }

    private record CeremonyYear(String organization, int year) {
    }
}
