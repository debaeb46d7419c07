package org.cinegraph.app;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a JVM of its own, as {@code java -jar} runs it, for tests that kill it with SIGKILL. Its
 * output goes to a log file.
 */
final class ChildApp implements AutoCloseable {

    private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final int port;

    private ChildApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the application with the given properties and waits until it serves HTTP; the sweep of TMDb's export
     * that follows a range's completion is off unless they set it.
     */
    static ChildApp start(Path log, String... properties) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CinegraphApplication.class.getName(), "--server.port=0",
                "--cinegraph.admin.password=" + RunningApp.ADMIN_PASSWORD));
        for (String property : properties) {
            command.add("--" + property);
        }
        // A test of something else must not see a sweep of TMDb's export start by itself once its range completes.
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("cinegraph.import.export-sweep="))) {
            command.add("--cinegraph.import.export-sweep=false");
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new ChildApp(process, awaitPort(process, log));
        } catch (Exception e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** POSTs to {@code path} with the admin's credentials, as a script would. @return the answer's status */
    int postAsAdmin(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux and macOS): the JVM gets no chance to stop
     * anything.
     *
     * @return the exit status, 137 (128 + 9) for a process SIGKILL ended, or -1 when it has not ended
     */
    int kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Copies the child's output to the log until it says its port, then keeps draining it so it never blocks. */
    private static int awaitPort(Process child, Path log) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    Matcher matcher = STARTED_ON_PORT.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the child application ended before it started; "
                        + "see " + log));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "child-app-log");
        reader.setDaemon(true);
        reader.start();
        return port.get(180, TimeUnit.SECONDS);
    }
}
