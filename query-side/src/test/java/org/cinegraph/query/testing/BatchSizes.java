package org.cinegraph.query.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test run once per batch size a projection's batched writes are held to: one event a batch, batches that split
 * a movie's or a year's events unevenly, and every event in one batch.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "batches of {0}")
@ValueSource(ints = {1, 2, 3, 4, 5, 1000})
public @interface BatchSizes {
}
