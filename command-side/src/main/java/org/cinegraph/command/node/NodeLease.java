package org.cinegraph.command.node;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * This node's leases on the rows of one table, each a piece of work that one node at a time does (a year's running
 * import, the delta sync). A row names its {@code owner} and when the owner's lease runs out ({@code lease_until});
 * the owner renews its leases while it works, so the work of a node that stops or is killed is taken over by another
 * once its lease ran out. The database's clock decides, so the nodes' clocks never have to agree.
 */
public final class NodeLease {

    private static final String RENEWED = "lease_until = clock_timestamp() + make_interval(secs => :lease)";
    private static final String RAN_OUT = "lease_until < clock_timestamp()";

    private final JdbcClient jdbc;
    private final TaskScheduler renewals;
    private final Duration length;
    private final String table;
    private final String key;

    /**
     * @param table a table with the columns {@code owner} and {@code lease_until}
     * @param key   the table's key column, of integers
     */
    NodeLease(JdbcClient jdbc, TaskScheduler renewals, Duration length, String table, String key) {
        this.jdbc = jdbc;
        this.renewals = renewals;
        this.length = length;
        this.table = table;
        this.key = key;
    }

    /** Who this node is in the rows it holds. */
    public String owner() {
        return ThisNode.NAME;
    }

    /** The lease's length in seconds, for {@code make_interval(secs => ...)} in a statement that takes a lease. */
    public double seconds() {
        return length.toMillis() / 1000.0;
    }

    /** Claims the row for this node, unless another node's lease on it holds. @return whether this node holds it */
    public boolean claim(int id) {
        return claim(id, "owner IS NULL OR owner = :owner OR " + RAN_OUT);
    }

    /** Claims the row for this node, unless any node's lease on it holds, this node's own included. */
    public boolean claimIfFree(int id) {
        return claim(id, "owner IS NULL OR " + RAN_OUT);
    }

    /** Takes the row for this node, whoever held it: the holder's fenced writes fail from now on. */
    public boolean seize(int id) {
        return claim(id, "TRUE");
    }

    private boolean claim(int id, String free) {
        return jdbc.sql("UPDATE " + table + " SET owner = :owner, " + RENEWED
                        + " WHERE " + key + " = :id AND (" + free + ")")
                .param("id", id).param("owner", owner()).param("lease", seconds()).update() == 1;
    }

    /**
     * Claims every row whose owner let its lease run out: a node that stopped or was killed, or this node itself
     * when nothing of its own renews the lease any more.
     */
    public List<Integer> claimAbandoned() {
        return claimAll("owner IS NOT NULL AND " + RAN_OUT);
    }

    /** Claims every row no node holds: those released, and those of nodes that stopped. */
    public List<Integer> claimAllUnheld() {
        return claimAll("owner IS NULL OR owner = :owner OR " + RAN_OUT);
    }

    private List<Integer> claimAll(String free) {
        return jdbc.sql("UPDATE " + table + " SET owner = :owner, " + RENEWED + " WHERE " + free + " RETURNING " + key)
                .param("owner", owner()).param("lease", seconds()).query(Integer.class).list();
    }

    /** Renews this node's leases on {@code ids}; returns those it still held. */
    public Set<Integer> renew(Set<Integer> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("UPDATE " + table + " SET " + RENEWED
                        + " WHERE owner = :owner AND " + key + " IN (:ids) RETURNING " + key)
                .param("owner", owner()).param("ids", ids).param("lease", seconds()).query(Integer.class).list());
    }

    /** @return whether this node still held its lease on the row, now renewed */
    public boolean renew(int id) {
        return renew(Set.of(id)).contains(id);
    }

    /**
     * Whether this node holds the row; the row stays share-locked until the caller's transaction ends, so no other
     * node takes it over before the caller's writes commit.
     */
    public boolean holds(int id) {
        return jdbc.sql("SELECT 1 FROM " + table + " WHERE " + key + " = :id AND owner = :owner FOR SHARE")
                .param("id", id).param("owner", owner()).query(Integer.class).optional().isPresent();
    }

    /** This node stops working on the row: it waits, held by no node, for whichever claims it next. */
    public void release(int id) {
        jdbc.sql("UPDATE " + table + " SET owner = NULL, lease_until = NULL WHERE " + key + " = :id AND owner = :owner")
                .param("id", id).param("owner", owner()).update();
    }

    /** This node is stopping: its leases run out now, so other nodes take its work over at once. */
    public void handOver() {
        jdbc.sql("UPDATE " + table + " SET lease_until = clock_timestamp() WHERE owner = :owner")
                .param("owner", owner()).update();
    }

    /**
     * Runs {@code renewal} every third of the lease's length, the first time a third from now, until the returned
     * future is cancelled: a lease renewed so outlives a missed renewal or two.
     */
    public ScheduledFuture<?> renewEveryThird(Runnable renewal) {
        Duration every = length.dividedBy(3);
        return renewals.scheduleWithFixedDelay(renewal, Instant.now().plus(every), every);
    }
}
