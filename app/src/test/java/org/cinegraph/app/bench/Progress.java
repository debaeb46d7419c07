package org.cinegraph.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's progress lines, logged and appended to a file of their own: surefire holds a test's output
 * back until the test ends, and a large run takes many minutes. {@code bench/replay} shows the file as it grows.
 */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path file;

    Progress(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void say(String format, Object... values) {
        String line = String.format(Locale.ROOT, format, values);
        log.info(line);
        try {
            Files.writeString(file, TIME.format(LocalTime.now()) + " " + line + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Could not write progress to {}: {}", file, e.toString());
        }
    }
}
