package org.cinegraph.command.yearimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinegraph.command.tables.DerivedTable;
import org.cinegraph.events.PageDiscovered;
import org.cinegraph.events.YearImportStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code import_ledger_page} made again from the events: each {@link PageDiscovered} is a page its year's run read,
 * the run being the one its year's latest {@link YearImportStarted} before it began, at that event's timestamp (as
 * {@link YearImportRunner} marks a run running at it). A year starts again only once its run ended, so no page of an
 * earlier run follows a later start. Written a thousand pages at a time; only each year's latest start is held.
 */
@Component
class PageTable implements DerivedTable {

    /** Pages written per statement. */
    static final int BATCH = 1000;

    @Override
    public String name() {
        return "import_ledger_page";
    }

    @Override
    public Set<Class<?>> sources() {
        return Set.of(YearImportStarted.class, PageDiscovered.class);
    }

    /**
     * Lost when empty although a page was recorded: a year TMDb lists no movie for reads no page, so a start alone
     * says nothing (the default, empty although an event of either source is stored, called such a table lost).
     */
    @Override
    public boolean lostRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM import_ledger_page) AND EXISTS (SELECT 1 FROM "
                        + "domain_event_entry WHERE payload_type = :type)")
                .param("type", PageDiscovered.class.getName()).query(Boolean.class).single();
    }

    @Override
    public Load load(JdbcClient jdbc) {
        Map<Integer, Instant> runs = new HashMap<>();
        List<PageLedger.PageRow> pages = new ArrayList<>();
        return new Load() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof YearImportStarted started) {
                    runs.put(started.year(), event.timestamp());
                    return;
                }
                PageDiscovered page = (PageDiscovered) event.payload();
                Instant run = runs.get(page.year());
                // A page of no run was never recorded by the ledger, whose every page belongs to its year's run.
                if (run != null) {
                    pages.add(new PageLedger.PageRow(page.year(), run, page.window().from(), page.pass(),
                            page.page(), page.totalResults(), page.totalPages()));
                }
                if (pages.size() == BATCH) {
                    finish();
                }
            }

            @Override
            public void finish() {
                if (!pages.isEmpty()) {
                    PageLedger.insertPages(jdbc, pages);
                    pages.clear();
                }
            }
        };
    }
}
