package org.cinegraph.command.node;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Makes this node's leases: all of one length, renewed on one Spring-managed scheduler. */
@Component
public class NodeLeases {

    private final JdbcClient jdbc;
    private final TaskScheduler renewals;
    private final Duration length;

    NodeLeases(JdbcClient jdbc, @Qualifier(BackgroundThreads.LEASE_RENEWALS) TaskScheduler renewals,
               @Value("${cinegraph.import.lease:PT30S}") Duration length) {
        this.jdbc = jdbc;
        this.renewals = renewals;
        this.length = length;
    }

    /**
     * @param table a table with the columns {@code owner} and {@code lease_until}
     * @param key   the table's key column, of integers
     */
    public NodeLease on(String table, String key) {
        return new NodeLease(jdbc, renewals, length, table, key);
    }
}
