package org.cinegraph.command.yearimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cinegraph.app.ApplicationTest;
import org.cinegraph.command.tmdb.DiscoverPage;
import org.cinegraph.command.tmdb.DiscoveredMovie;
import org.cinegraph.events.DateWindow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once rests on this: the ledger row and the event it guards are written in one transaction, so
 * either both exist or neither does; and only by the node that holds the year's claim.
 */
@ApplicationTest
class PageLedgerTransactionTest {

    private static final int YEAR = 1901;
    private static final DateWindow WINDOW = DateWindow.wholeYear(YEAR);
    private static final String NODE = "this-node";
    private static final DiscoverPage PAGE = new DiscoverPage(1, 1, 1,
            List.of(new DiscoveredMovie(19010001, "A Trip to the Moon", LocalDate.of(1901, 5, 1))));

    @Autowired
    private PageLedger ledger;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aPageAndItsEventAreRolledBackTogether() {
        Instant run = Instant.parse("2026-01-01T00:00:00Z");
        claim(YEAR, run, NODE);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(ledger.recordPage(YEAR, run, NODE, WINDOW, 1, PAGE)).isTrue();
            status.setRollbackOnly();
        });

        assertThat(pageRows(YEAR)).isZero();
        assertThat(pageEvents(YEAR)).isZero();

        assertThat(ledger.recordPage(YEAR, run, NODE, WINDOW, 1, PAGE)).isTrue();
        assertThat(ledger.recordPage(YEAR, run, NODE, WINDOW, 1, PAGE)).as("the same page again").isFalse();
        assertThat(pageRows(YEAR)).isEqualTo(1);
        assertThat(pageEvents(YEAR)).isEqualTo(1);
    }

    @Test
    void aJobWhoseClaimAnotherNodeTookRecordsNothing() {
        int year = YEAR + 1;
        Instant run = Instant.parse("2026-01-01T00:00:00Z");
        claim(year, run, "another-node");

        assertThatThrownBy(() -> ledger.recordPage(year, run, NODE, DateWindow.wholeYear(year), 1, PAGE))
                .isInstanceOf(ClaimLostException.class);
        // Nor for an older run of the year, whoever claims it.
        assertThatThrownBy(() -> ledger.recordPage(year, run.minusSeconds(60), "another-node",
                DateWindow.wholeYear(year), 1, PAGE)).isInstanceOf(ClaimLostException.class);

        assertThat(pageRows(year)).isZero();
        assertThat(pageEvents(year)).isZero();
    }

    private void claim(int year, Instant run, String owner) {
        jdbc.sql("""
                        INSERT INTO import_ledger_run (year, started_at, owner, lease_until)
                        VALUES (:year, :run, :owner, now() + interval '1 hour')""")
                .param("year", year).param("run", java.sql.Timestamp.from(run)).param("owner", owner).update();
    }

    private long pageRows(int year) {
        return jdbc.sql("SELECT count(*) FROM import_ledger_page WHERE year = :year").param("year", year)
                .query(Long.class).single();
    }

    private long pageEvents(int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE payload_type = 'org.cinegraph.events.PageDiscovered'
                           AND (convert_from(payload, 'UTF8')::jsonb ->> 'year')::int = :year""")
                .param("year", year).query(Long.class).single();
    }
}
