package org.cinegraph.command.festival;

import java.util.List;
import org.cinegraph.command.ledger.GuardedEvents;
import org.cinegraph.events.CeremonyImportFailed;
import org.cinegraph.events.CeremonyImportResolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which ceremonies' imports failed and have not succeeded since (V22, {@code festival_ceremony_failure}). A failure
 * or its resolution is appended as an event in the transaction of the row that records it, so however often a
 * ceremony fails it is one failure whose attempts are counted, and it is resolved once.
 */
@Repository
class CeremonyFailures {

    private final JdbcClient jdbc;
    private final GuardedEvents guarded;

    CeremonyFailures(JdbcClient jdbc, GuardedEvents guarded) {
        this.jdbc = jdbc;
        this.guarded = guarded;
    }

    /** Records that the ceremony could not be imported this time: a new failure, or one more attempt of it. */
    void failed(String organization, int year, String sourceUrl, String reason, String detail) {
        guarded.appendIfReturned(() -> jdbc.sql("""
                                INSERT INTO festival_ceremony_failure (organization, year, attempts)
                                VALUES (:organization, :year, 1)
                                ON CONFLICT (organization, year)
                                   DO UPDATE SET attempts = festival_ceremony_failure.attempts + 1
                                RETURNING attempts""")
                        .param("organization", organization).param("year", year).query(Integer.class).optional(),
                attempt -> new CeremonyImportFailed(organization, year, sourceUrl, reason, attempt, detail));
    }

    /**
     * Counts one more attempt of the ceremony's failure, when one is recorded: an import the admin asked for and
     * was answered about keeps the failure's count and detail current, without recording a new one.
     */
    void failedAgain(String organization, int year, String sourceUrl, String reason, String detail) {
        guarded.appendIfReturned(() -> jdbc.sql("""
                                UPDATE festival_ceremony_failure SET attempts = attempts + 1
                                 WHERE organization = :organization AND year = :year
                                RETURNING attempts""")
                        .param("organization", organization).param("year", year).query(Integer.class).optional(),
                attempt -> new CeremonyImportFailed(organization, year, sourceUrl, reason, attempt, detail));
    }

    /** The ceremony was imported: its failure, if one is recorded, is resolved. */
    void resolved(String organization, int year) {
        guarded.appendIfChanged(() -> jdbc.sql(
                        "DELETE FROM festival_ceremony_failure WHERE organization = :organization AND year = :year")
                        .param("organization", organization).param("year", year).update(),
                () -> new CeremonyImportResolved(organization, year));
    }

    /** The years of the organization's ceremonies whose import failed, newest first. */
    List<Integer> years(String organization) {
        return jdbc.sql("SELECT year FROM festival_ceremony_failure WHERE organization = :organization "
                        + "ORDER BY year DESC")
                .param("organization", organization).query(Integer.class).list();
    }

    boolean isFailed(String organization, int year) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM festival_ceremony_failure "
                        + "WHERE organization = :organization AND year = :year)")
                .param("organization", organization).param("year", year).query(Boolean.class).single();
    }
}
