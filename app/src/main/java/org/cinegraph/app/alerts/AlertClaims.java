package org.cinegraph.app.alerts;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code health_alert_claim} (V29): the last status announced, and the claim of the node announcing a change, so that
 * nodes sharing the database announce each change once. Times are the database's, the one clock every node shares.
 */
class AlertClaims {

    private final JdbcClient jdbc;

    AlertClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes {@code node} the one node that judges and announces, for {@code term}, or renews its term: while another
     * node's term holds, this one keeps quiet. Nodes may judge the health differently (a node without the command
     * role sees no derived table lose rows; settings differ), and two nodes announcing in turn would each POST its
     * own status over the other's at every check.
     *
     * @return whether {@code node} is the announcer
     */
    boolean lead(String node, Duration term) {
        jdbc.sql("INSERT INTO health_alert_claim (id) VALUES (1) ON CONFLICT DO NOTHING").update();
        return jdbc.sql("""
                        UPDATE health_alert_claim
                           SET announcer = :node, announcer_until = now() + make_interval(secs => :term)
                         WHERE id = 1 AND (announcer IS NULL OR announcer = :node OR announcer_until < now())""")
                .param("node", node).param("term", term.toMillis() / 1000.0).update() == 1;
    }

    /** {@code node} stops announcing (it stops): the next node to check takes over at once. */
    void stepDown(String node) {
        jdbc.sql("""
                        UPDATE health_alert_claim SET announcer = NULL, announcer_until = NULL
                         WHERE id = 1 AND announcer = :node""")
                .param("node", node).update();
    }

    /**
     * Claims the announcement of {@code status} for {@code node}, for {@code lease}: only while it differs from the
     * status last announced, no other node's claim holds, and no failed announcement waits for its retry. The first
     * status ever judged, when {@code ok}, is taken as announced without a word: there is no change to tell of.
     * Called in a transaction, after {@link #lead}: the row is locked until it commits, so two nodes never both claim
     * it.
     *
     * @return the status announced before (empty text when none), or empty when there is nothing to announce here
     */
    Optional<String> claim(String status, String node, Duration lease) {
        jdbc.sql("""
                        UPDATE health_alert_claim SET announced = :status, announced_at = now()
                         WHERE id = 1 AND announced IS NULL AND :status = 'ok'
                           AND (lease_until IS NULL OR lease_until < now())""")
                .param("status", status).update();
        return jdbc.sql("""
                        UPDATE health_alert_claim
                           SET owner = :node, lease_until = now() + make_interval(secs => :lease)
                         WHERE id = 1 AND announced IS DISTINCT FROM :status
                           AND (lease_until IS NULL OR lease_until < now())
                           AND (retry_at IS NULL OR retry_at <= now())
                        RETURNING coalesce(announced, '')""")
                .param("node", node).param("lease", (double) lease.toSeconds()).param("status", status)
                .query(String.class).optional();
    }

    /** The claimed status is announced: the claim ends. */
    void announced(String status, String node) {
        jdbc.sql("""
                        UPDATE health_alert_claim
                           SET announced = :status, announced_at = now(), owner = NULL, lease_until = NULL,
                               retry_at = NULL
                         WHERE id = 1 AND owner = :node""")
                .param("status", status).param("node", node).update();
    }

    /** The announcement failed: the claim ends, and any node may try again after {@code retryAfter}. */
    void failed(String node, Duration retryAfter) {
        jdbc.sql("""
                        UPDATE health_alert_claim
                           SET owner = NULL, lease_until = NULL, retry_at = now() + make_interval(secs => :after)
                         WHERE id = 1 AND owner = :node""")
                .param("node", node).param("after", (double) retryAfter.toSeconds()).update();
    }
}
