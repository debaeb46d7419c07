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
}
