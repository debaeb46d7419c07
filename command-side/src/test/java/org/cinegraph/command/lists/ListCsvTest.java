package org.cinegraph.command.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cinegraph.events.ListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListCsvTest {

    /** The columns of IMDb's list export, in its order; a title with a comma is quoted, as IMDb quotes it. */
    private static final String EXPORT = """
            \uFEFFPosition,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,\
            Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
            1,tt15398776,2024-03-11,2024-03-11,,Oppenheimer,Oppenheimer,https://www.imdb.com/title/tt15398776/,\
            Movie,8.3,180,2023,"Biography, Drama, History",800000,2023-07-11,Christopher Nolan
            2,tt0111161,2024-03-11,2024-03-11,,"Shawshank Redemption, The",,https://www.imdb.com/title/tt0111161/,\
            Movie,9.3,142,1994,Drama,2900000,1994-09-23,Frank Darabont

            3,tt15398776,2024-03-11,2024-03-11,,Oppenheimer again,,,Movie,,,2023,,,,
            4,tt0000001,2024-03-11,2024-03-11,,,,,Short,,,,,,,
            """;

    @Test
    void anImdbExportGivesItsIdsTitlesAndYearsInOrderEachIdOnce() {
        List<ListEntry> entries = ListCsv.parse(EXPORT.getBytes(StandardCharsets.UTF_8));

        assertThat(entries).containsExactly(
                new ListEntry("tt15398776", "Oppenheimer", 2023),
                new ListEntry("tt0111161", "Shawshank Redemption, The", 1994),
                new ListEntry("tt0000001", null, null));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCase() {
        List<ListEntry> entries = ListCsv.parse("year,CONST,Your Rating,title\r\n1999,tt0133093,10,The Matrix\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(entries).containsExactly(new ListEntry("tt0133093", "The Matrix", 1999));
    }

    @Test
    void theHashIsTheListsAndChangesWithIt() {
        List<ListEntry> entries = ListCsv.parse(EXPORT.getBytes(StandardCharsets.UTF_8));

        assertThat(ListCsv.contentHash(entries)).hasSize(64)
                .isEqualTo(ListCsv.contentHash(ListCsv.parse(EXPORT.replace("2024-03-11", "2025-01-01")
                        .getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(ListCsv.contentHash(entries.subList(0, 2)))
                .isNotEqualTo(ListCsv.contentHash(List.of(entries.get(1), entries.get(0), entries.get(2))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   \n\n",
        "Position,Title,Year\n1,Oppenheimer,2023\n",
        "{\"items\": [\"tt15398776\"]}",
        "<html><script>alert(1)</script><body>tt15398776</body></html>",
        "Const,Title\n",
        "Const,Title\ntt15398776,Oppenheimer\nnm0634240,Christopher Nolan\n",
        "Const,Title\ntt15398776,Oppenheimer\n,No id\n",
        "Const,Title\n\"tt15398776,Oppenheimer\n",
    })
    void anythingElseIsRefusedWithAReason(String upload) {
        assertThatThrownBy(() -> ListCsv.parse(upload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ListCsv.BadListException.class)
                .hasMessageNotContaining("Exception")
                .message().isNotBlank();
    }

    @Test
    void binaryAndOtherEncodingsAreNotCsvText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] latin1 = "Const,Title\ntt0000002,Le Clown et ses chiens \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ListCsv.parse(png)).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> ListCsv.parse(latin1)).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> ListCsv.parse("Const\n\0tt0000001\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("binary");
    }

    @Test
    void aRowWithoutAnIdSaysWhichLine() {
        assertThatThrownBy(() -> ListCsv.parse("Const,Title\ntt0000001,A\nnm0000138,Someone\n"
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Line 3").hasMessageContaining("'nm0000138'");
    }

    @Test
    void aListLargerThanAnyImdbListIsRefused() {
        StringBuilder csv = new StringBuilder("Const\n");
        for (int id = 1; id <= ListCsv.MAX_ENTRIES + 1; id++) {
            csv.append(String.format("tt%07d%n", id));
        }
        assertThatThrownBy(() -> ListCsv.parse(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than " + ListCsv.MAX_ENTRIES);
    }
}
