package org.cinegraph.command.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a derived table's load writes together, and when. */
class RowBatchTest {

    private final List<Map<String, Integer>> written = new ArrayList<>();
    private final RowBatch<String, Integer> batch = new RowBatch<>(3, rows -> written.add(new LinkedHashMap<>(rows)));

    @Test
    void aSecondEventOfARowWaitsForTheBatchBeforeIt() {
        batch.add("a", 1);
        batch.add("b", 2);
        batch.add("a", 3);
        batch.flush();

        assertThat(written).containsExactly(Map.of("a", 1, "b", 2), Map.of("a", 3));
    }

    @Test
    void aFullBatchIsWrittenAtOnceAndNothingIsWrittenTwice() {
        List.of("a", "b", "c", "d").forEach(row -> batch.add(row, 0));
        batch.flush();
        batch.flush();

        assertThat(written).extracting(Map::keySet).containsExactly(
                Set.of("a", "b", "c"), Set.of("d"));
    }
}
