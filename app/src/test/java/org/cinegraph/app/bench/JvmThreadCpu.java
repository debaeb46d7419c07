package org.cinegraph.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of this JVM's threads during a phase, from Linux's {@code /proc/self/task}, by what they do: reading
 * the events for a replay and loading them into the projections (the bulk load's threads, told apart by their
 * names), the JIT compilers, the garbage collector, and all else (the HTTP threads, the processors, this benchmark).
 * The time a thread used between two samples counts for what it was named at the second (a thread of a pool may
 * change names); one that ended between two samples counts up to the sample before. Where there is no
 * {@code /proc}, unknown.
 */
final class JvmThreadCpu {

    /** The bulk load's threads (BulkReplay's names, which the operating system shows whole). */
    static final String READER = "replay-reader";
    static final String LOADER = "replay-loader";
    private static final Path TASKS = Path.of("/proc/self/task");

    /** What the threads of the JVM did with their CPU time during the phase, in seconds. */
    record Split(double readingEvents, double loadingProjections, double compiling, double collectingGarbage,
                 double other) {
    }

    private record Task(String name, long ticks) {
    }

    /** Each thread's ticks at the last sample. */
    private final Map<String, Long> previous = new HashMap<>();
    /** Ticks by kind of thread, each interval between samples counted for what the thread was named at its end. */
    private final long[] ticks = new long[5];
    private final boolean known;

    private JvmThreadCpu() {
        Map<String, Task> threads = threads();
        known = threads != null;
        if (known) {
            threads.forEach((id, thread) -> previous.put(id, thread.ticks()));
        }
    }

    /** Starts following this JVM's threads. */
    static JvmThreadCpu start() {
        return new JvmThreadCpu();
    }

    /** Counts each thread's time since the last sample, so that one ending before {@link #split()} still counts. */
    synchronized void sample() {
        Map<String, Task> threads = known ? threads() : null;
        if (threads == null) {
            return;
        }
        threads.forEach((id, thread) -> {
            Long before = previous.put(id, thread.ticks());
            // A thread new since the last sample counts whole, and so does one that took the id of an ended one.
            boolean sameThread = before != null && before <= thread.ticks();
            ticks[kind(thread.name())] += thread.ticks() - (sameThread ? before : 0);
        });
    }

    /** The CPU time each kind of thread used since the start, up to now; null where it cannot be read. */
    synchronized Split split() {
        if (!known) {
            return null;
        }
        sample();
        return new Split(seconds(ticks[0]), seconds(ticks[1]), seconds(ticks[2]), seconds(ticks[3]),
                seconds(ticks[4]));
    }

    /** 0 reading, 1 loading, 2 compiling, 3 collecting garbage, 4 anything else. */
    private static int kind(String name) {
        if (name.equals(READER)) {
            return 0;
        }
        if (name.equals(LOADER)) {
            return 1;
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") || name.startsWith("Sweeper")) {
            return 2;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return 3;
        }
        return 4;
    }

    private static double seconds(long ticks) {
        return ticks / ProcessCpu.TICKS_PER_SECOND;
    }

    /** Every thread of this JVM by its id, with its name and CPU ticks; null without {@code /proc}. */
    private static Map<String, Task> threads() {
        if (!Files.isDirectory(TASKS)) {
            return null;
        }
        Map<String, Task> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                List<String> stat = ProcessCpu.stat(task);
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException ended) {
                    continue;
                }
                if (!stat.isEmpty()) {
                    threads.put(task.getFileName().toString(), new Task(name, ProcessCpu.cpuTicks(stat)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return threads;
    }
}
