package org.cinegraph.app.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cinegraph.kernel.tables.TableDefinitions;
import org.junit.jupiter.api.Test;

/**
 * The runbook's table of tables says of every table what its comment says, which is what {@code GET /api/admin/tables}
 * answers: the same tables, kinds, owners and ways back, and no other.
 */
class TablesDocumentedTest {

    private static final Path RUNBOOK = Path.of("..", "docs", "runbook-projections.md");
    private static final String START = "<!-- tables:";
    private static final String END = "<!-- end of tables -->";

    @Test
    void theRunbookListsEveryTableAsItsCommentDescribesIt() throws IOException {
        String runbook = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        String block = runbook.substring(runbook.indexOf(START), runbook.indexOf(END));
        List<String> documented = Arrays.stream(block.split("\n")).filter(line -> line.startsWith("| `"))
                .sorted().toList();

        List<String> defined = TableDefinitions.bundled().all().stream()
                .map(table -> "| `" + table.name() + "` | " + table.kind().label() + " | " + table.comment().owner()
                        + " | " + table.comment().comesBack() + " |")
                .sorted().toList();
        assertThat(documented).isEqualTo(defined);
    }
}
