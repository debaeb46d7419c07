package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one benchmark of {@code bench/run} in a JVM of its own, so that the peak resident set measured for it
 * (Linux's VmHWM, which only ever rises in a JVM's life) is that benchmark's alone, not the highest of every
 * benchmark run before it in the same JVM. The JVM holds the application, the TMDb sandbox the application
 * serves itself from in sandbox mode (busy in the import and saturation runs, idle in the others) and the
 * benchmark's own HTTP client; PostgreSQL and the reads' load generator are processes of their own, not counted.
 * Each JVM starts cold, as {@code bench/replay} and {@code bench/reads} do alone; the import warms itself up.
 */
final class PhaseJvm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PARENT_CHECK = Duration.ofSeconds(2);

    /** The benchmarks of {@code bench/run}, in the order it runs them. */
    enum Phase {
        IMPORT, SATURATION, REPLAY, READS, EXPORT;

        String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a benchmark's JVM hands back.
     *
     * @param figures the benchmark's report, as JSON
     * @param peakResidentBytes the JVM's peak resident set when the benchmark ended; null where it cannot be read
     *                          (not Linux)
     * @param pid the JVM's process id
     */
    record Result(JsonNode figures, Long peakResidentBytes, long pid) {
    }

    private PhaseJvm() {
    }

    /**
     * Runs {@code phase} in a new JVM, started as this one was (its JVM options, a debugger's agent left out), and
     * waits for it. Its output goes to {@code target/bench-<phase>.log}.
     *
     * @throws IllegalStateException if it failed, with the end of its log
     */
    static Result run(Phase phase, BenchRun.Options options) throws IOException, InterruptedException {
        Files.createDirectories(options.results());
        Path result = options.results().resolve(phase.fileName() + "-jvm.json");
        Path log = Path.of("target", "bench-" + phase.fileName() + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.contains("jdwp"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PhaseJvm.class.getName(),
                phase.name(), result.toString()));
        command.addAll(arguments(phase, options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // If this JVM is stopped (bench/run interrupted), the benchmark's JVM goes too; it also watches this one.
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int exit = process.waitFor();
            if (exit != 0 || !Files.exists(result)) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("The " + phase.fileName() + " benchmark's JVM ended with " + exit
                        + "; its log is " + log + ", which ends:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            }
        } finally {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        JsonNode written = JSON.readTree(result.toFile());
        Files.delete(result);
        JsonNode peak = written.path("peakResidentBytes");
        return new Result(written.path("figures"), peak.isNumber() ? peak.asLong() : null,
                written.path("pid").asLong());
    }

    /** The options of {@code phase}, as the arguments of {@link #main}. */
    private static List<String> arguments(Phase phase, BenchRun.Options options) {
        return switch (phase) {
            case IMPORT, SATURATION -> List.of(Long.toString(options.imports().movies()),
                    Long.toString(options.imports().warmupMovies()), Long.toString(options.imports().saturationMovies()),
                    options.imports().results().toAbsolutePath().toString());
            case REPLAY -> List.of(Long.toString(options.replay().events()),
                    options.replay().results().toAbsolutePath().toString(),
                    // Never empty, so that it stays an argument of its own.
                    "projections=" + String.join(",", options.replay().projections()),
                    Boolean.toString(options.replay().jfr()), Boolean.toString(options.replay().pgProfile()),
                    Boolean.toString(options.replay().keepData()));
            case READS -> List.of(Long.toString(options.reads().movies()),
                    Long.toString(options.reads().duration().toMillis()),
                    Integer.toString(options.reads().connections()),
                    options.reads().results().toAbsolutePath().toString());
            case EXPORT -> List.of(Long.toString(options.export().lines()),
                    options.export().results().toAbsolutePath().toString());
        };
    }

    /**
     * The benchmark's JVM: {@code <phase> <result file> <options...>}. Writes the benchmark's report and the JVM's
     * peak resident set to the result file, and exits 0; exits 1 if the benchmark failed.
     */
    public static void main(String[] args) {
        exitWithParent();
        try {
            Phase phase = Phase.valueOf(args[0]);
            Path result = Path.of(args[1]);
            JsonNode figures = figures(phase, Arrays.asList(args).subList(2, args.length));
            ObjectNode written = JSON.createObjectNode();
            written.set("figures", figures);
            peakResident().ifPresentOrElse(peak -> written.put("peakResidentBytes", peak),
                    () -> written.putNull("peakResidentBytes"));
            written.put("pid", ProcessHandle.current().pid());
            JSON.writeValue(result.toFile(), written);
            System.exit(0);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the benchmark, in this JVM, and returns its report. */
    private static JsonNode figures(Phase phase, List<String> options) throws Exception {
        return switch (phase) {
            case IMPORT -> ImportBenchmark.throughput(importOptions(options),
                    new Progress(Path.of(options.get(3)).resolve("import-progress.log")));
            case SATURATION -> ImportBenchmark.saturation(importOptions(options),
                    new Progress(Path.of(options.get(3)).resolve("saturation-progress.log")));
            case REPLAY -> {
                ReplayBenchmark.Options replay = new ReplayBenchmark.Options(Long.parseLong(options.get(0)),
                        Path.of(options.get(1)), Arrays.stream(options.get(2).substring("projections=".length())
                        .split(",")).filter(name -> !name.isEmpty()).toList(),
                        Boolean.parseBoolean(options.get(3)), Boolean.parseBoolean(options.get(4)),
                        Boolean.parseBoolean(options.get(5)));
                ReplayBenchmark.run(replay);
                yield JSON.readTree(replay.results().resolve("replay-latest.json").toFile());
            }
            case READS -> ReadsBenchmark.run(new ReadsBenchmark.ReadsOptions(Long.parseLong(options.get(0)),
                    Duration.ofMillis(Long.parseLong(options.get(1))), Integer.parseInt(options.get(2)),
                    Path.of(options.get(3)))).json();
            case EXPORT -> ExportBenchmark.run(new ExportBenchmark.Options(Long.parseLong(options.get(0)),
                    Path.of(options.get(1))));
        };
    }

    private static ImportBenchmark.Options importOptions(List<String> options) {
        return new ImportBenchmark.Options(Long.parseLong(options.get(0)), Long.parseLong(options.get(1)),
                Long.parseLong(options.get(2)), Path.of(options.get(3)));
    }

    /**
     * Exits when the JVM that started this one is gone (killed with its Maven build, say), so no benchmark goes
     * on alone with its application and PostgreSQL; exiting runs the shutdown hooks that stop them.
     */
    private static void exitWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.get().isAlive()) {
                try {
                    Thread.sleep(PARENT_CHECK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(2);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** This JVM's peak resident set so far (VmHWM of /proc/self/status), in bytes; empty where there is none. */
    static Optional<Long> peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
