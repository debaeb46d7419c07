package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * What reading the events costs without any framework: every row of the event table in order, with the
 * columns Axon reads, through plain JDBC, and every payload parsed into a Jackson tree. A replay cannot go
 * faster than this; the ratio of the two says how much the projections and Axon add.
 */
final class EventReadBaseline {

    /** Rows per round trip; the driver streams only with a fetch size and autocommit off. */
    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    EventReadBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Result(long events, long payloadBytes, long nanos) {
    }

    Result run() throws Exception {
        long start = System.nanoTime();
        long events = 0;
        long payloadBytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                      FROM domain_event_entry ORDER BY global_index""")) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byte[] payload = rows.getBytes("payload");
                        json.readTree(payload);
                        payloadBytes += payload.length;
                        events++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return new Result(events, payloadBytes, System.nanoTime() - start);
    }
}
