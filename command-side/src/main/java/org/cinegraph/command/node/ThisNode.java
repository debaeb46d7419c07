package org.cinegraph.command.node;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** This process as one node among several on one database, and the threads its background work runs on. */
public final class ThisNode {

    /**
     * Who this node is in the claims it writes ({@code pid@host}, like Axon's token owners, and a random suffix
     * so that a restarted process with a reused pid is another node): unique per process.
     */
    public static final String NAME = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private ThisNode() {
    }

    /** Daemon threads named {@code prefix} and a counter: they never keep the JVM from stopping. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
