package org.cinegraph.query.replay;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each segment of a processor has come, read from the token table that all nodes share. Reading
 * through the token store would claim the segments; this only looks.
 */
@Component
record SegmentPositions(JdbcClient jdbc, Serializer serializer) {

    /** One position per segment; empty for a segment that has not processed any event yet. */
    List<OptionalLong> of(String processor) {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = :name")
                .param("name", processor)
                .query((rs, row) -> position(rs.getBytes("token"), rs.getString("token_type")))
                .list();
    }

    /** Whether every segment has reached the position; false while the processor has no segments at all. */
    boolean allAtLeast(String processor, long position) {
        List<OptionalLong> segments = of(processor);
        return !segments.isEmpty()
                && segments.stream().allMatch(segment -> segment.isPresent() && segment.getAsLong() >= position);
    }

    /**
     * Whether some node holds every segment of the processor: a segment whose batch failed is released, and
     * claimed again only after a pause, in which no node processes it.
     */
    boolean allClaimed(String processor) {
        return jdbc.sql("""
                        SELECT count(*) > 0 AND count(*) FILTER (WHERE owner IS NULL) = 0
                          FROM token_entry WHERE processor_name = :name""")
                .param("name", processor).query(Boolean.class).single();
    }

    /** The token's position; -1 before any event (no token, or one that holds no position). */
    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
