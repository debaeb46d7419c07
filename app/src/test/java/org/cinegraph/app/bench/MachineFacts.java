package org.cinegraph.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a figure was measured on: without it, events per second mean little. */
final class MachineFacts {

    private MachineFacts() {
    }

    static ReplayReport.Machine of(JdbcClient jdbc, double loadAverage) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ReplayReport.Machine(
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(),
                cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "PostgreSQL " + jdbc.sql("SHOW server_version").query(String.class).single(),
                Runtime.getRuntime().maxMemory(),
                loadAverage);
    }

    /** Linux names the processor in /proc/cpuinfo; elsewhere the architecture has to do. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException unreadable) {
            return System.getProperty("os.arch");
        }
    }
}
