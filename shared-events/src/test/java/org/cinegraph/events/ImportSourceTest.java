package org.cinegraph.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportSourceTest {

    @Test
    void eachSourceHasTheStringFormEventsAndTablesCarry() {
        assertThat(ImportSource.YEAR_IMPORT.value()).isEqualTo("year_import");
        assertThat(ImportSource.ACADEMY.value()).isEqualTo("festival:AMPAS");
        assertThat(ImportSource.EXPORT.value()).isEqualTo("export");
        assertThat(ImportSource.festival("BAFTA").value()).isEqualTo("festival:BAFTA");
        assertThat(ImportSource.list("best-of-2023").value()).isEqualTo("list:best-of-2023");
        assertThat(ImportSource.FIXED).extracting(ImportSource::value).containsExactly("year_import", "export",
                "festival:AMPAS");
    }

    @Test
    void aSourceParsedFromItsStringFormIsThatSource() {
        for (ImportSource source : List.of(ImportSource.YEAR_IMPORT, ImportSource.EXPORT, ImportSource.ACADEMY,
                ImportSource.list("best-of-2023"), ImportSource.list("A_list-9"))) {
            assertThat(ImportSource.parse(source.value())).contains(source);
        }
        assertThat(ImportSource.parse("festival:AMPAS").flatMap(ImportSource::organization)).contains("AMPAS");
        assertThat(ImportSource.parse("list:top-250").flatMap(ImportSource::listKey)).contains("top-250");
        assertThat(ImportSource.YEAR_IMPORT.organization()).isEmpty();
        assertThat(ImportSource.ACADEMY.listKey()).isEmpty();
    }

    @Test
    void textOfNoSourcesFormParsesToNothing() {
        for (String text : List.of("", "bogus", "year_import ", "Year_Import", "festival:", "list:", "festival",
                "festival:AM PAS", "list:a/b", "list:<b>", "festival:" + "A".repeat(33), "list:" + "a".repeat(65),
                "discover", "Export", "export:x")) {
            assertThat(ImportSource.parse(text)).as(text).isEqualTo(Optional.empty());
        }
        assertThat(ImportSource.parse("festival:" + "A".repeat(32))).isPresent();
        assertThat(ImportSource.parse("list:" + "a".repeat(64))).isPresent();
    }
}
