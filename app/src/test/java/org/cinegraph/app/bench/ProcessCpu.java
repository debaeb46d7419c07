package org.cinegraph.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the embedded PostgreSQL (its postmaster and every backend), so a
 * benchmark can tell which side of the JDBC connection its time went to. PostgreSQL's side is read from
 * Linux's {@code /proc}; elsewhere it is unknown.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second for /proc/[pid]/stat times on every common architecture. */
    static final double TICKS_PER_SECOND = 100.0;

    private final Path postmasterPid;

    ProcessCpu(Path postgresDataDir) {
        this.postmasterPid = postgresDataDir.resolve("postmaster.pid");
    }

    record Sample(double jvmSeconds, Double postgresSeconds) {

        Sample since(Sample earlier) {
            boolean postgresKnown = postgresSeconds != null && earlier.postgresSeconds != null;
            return new Sample(jvmSeconds - earlier.jvmSeconds,
                    postgresKnown ? postgresSeconds - earlier.postgresSeconds : null);
        }
    }

    Sample sample() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Sample(os.getProcessCpuTime() / 1e9, postgresSeconds());
    }

    private Double postgresSeconds() {
        try {
            String postmaster = Files.readAllLines(postmasterPid).get(0).trim();
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                    List<String> stat = stat(process);
                    boolean isPostmaster = process.getFileName().toString().equals(postmaster);
                    if (stat.isEmpty() || !(isPostmaster || stat.get(1).equals(postmaster))) {
                        continue;
                    }
                    // utime and stime; the postmaster also reports its exited children in cutime and cstime.
                    ticks += cpuTicks(stat);
                    if (isPostmaster) {
                        ticks += Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    /** User and system time, in ticks, of the fields {@link #stat} reads. */
    static long cpuTicks(List<String> stat) {
        return Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
    }

    /**
     * The fields of /proc/[pid]/stat (or of a thread's, /proc/[pid]/task/[tid]/stat) after the command name, from the
     * state on; empty if the process ended.
     */
    static List<String> stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException ended) {
            return List.of();
        }
    }
}
