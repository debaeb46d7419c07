package org.cinegraph.command.node;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This process as one node among several on one database. */
public final class ThisNode {

    /**
     * Who this node is in the leases it holds ({@code pid@host}, like Axon's token owners, and a random suffix
     * so that a restarted process with a reused pid is another node): unique per process.
     */
    public static final String NAME = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private ThisNode() {
    }
}
