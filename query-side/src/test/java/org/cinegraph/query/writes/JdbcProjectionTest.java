package org.cinegraph.query.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every projection inherits its reset handler: Axon finds it, and it empties the projection's tables, no other. */
class JdbcProjectionTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();

    @Test
    void aResetEmptiesTheTablesTheProjectionNamesAndNoOther() {
        for (String table : List.of("reset_owned", "reset_also_owned", "reset_not_owned")) {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
            jdbc.sql("CREATE TABLE " + table + " (id int)").update();
            jdbc.sql("INSERT INTO " + table + " VALUES (1), (2)").update();
        }

        new AnnotationEventHandlerAdapter(new TwoTables(jdbc)).prepareReset();

        assertThat(rows("reset_owned")).isZero();
        assertThat(rows("reset_also_owned")).isZero();
        assertThat(rows("reset_not_owned")).isEqualTo(2);
    }

    @Test
    void aProjectionNamesItsTables() {
        assertThatThrownBy(() -> new NoTables(jdbc)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@ProjectionTables");
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @ProjectionTables({"reset_owned", "reset_also_owned"})
    static class TwoTables extends JdbcProjection {

        TwoTables(JdbcClient jdbc) {
            super(jdbc);
        }
    }

    static class NoTables extends JdbcProjection {

        NoTables(JdbcClient jdbc) {
            super(jdbc);
        }
    }
}
