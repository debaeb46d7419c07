package org.cinegraph.query.writes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection (a {@code @ProcessingGroup} bean) writes and nothing else writes. A replay rebuilds
 * exactly these, beside the live ones, and swaps them in together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProjectionTables {

    String[] value();

    /**
     * Events each of which leaves a row in the first of the {@link #value() tables} for good: once one is stored,
     * that table is never empty. A node that starts and finds it empty although such an event is stored has lost
     * its rows (emptied by hand, say) and replays the projection. Empty when no event does.
     */
    Class<?>[] neverEmptyAfter() default {};
}
