package org.cinegraph.query.writes;

import java.util.List;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that writes its tables, those its {@link ProjectionTables} names, with JDBC. When its tokens are
 * reset its tables are emptied, since a replay applies every event again from the first.
 */
public abstract class JdbcProjection {

    protected final JdbcClient jdbc;
    private final List<String> tables;

    protected JdbcProjection(JdbcClient jdbc) {
        ProjectionTables owned = AnnotatedElementUtils.findMergedAnnotation(getClass(), ProjectionTables.class);
        if (owned == null) {
            throw new IllegalStateException(getClass().getName() + " names no tables with @ProjectionTables");
        }
        this.jdbc = jdbc;
        this.tables = List.of(owned.value());
    }

    /** The tables it writes, as its {@link ProjectionTables} names them. */
    public List<String> tables() {
        return tables;
    }

    @ResetHandler
    public void reset() {
        tables.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }
}
