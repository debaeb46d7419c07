package org.cinegraph.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A data directory of a benchmark's own under {@code target/bench-data}, for its application's embedded PostgreSQL;
 * closed after the application, it is deleted unless kept for a closer look.
 */
record BenchDataDir(Path path, boolean keep) implements AutoCloseable {

    static BenchDataDir create() {
        return create(false);
    }

    static BenchDataDir create(boolean keep) {
        return new BenchDataDir(Path.of("target", "bench-data", UUID.randomUUID().toString()).toAbsolutePath(), keep);
    }

    @Override
    public void close() throws IOException {
        if (keep || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
