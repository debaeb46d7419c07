package org.cinegraph.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

/**
 * The bulk load hands events to a projection's handlers as they are, not marked as a replay; a projection with a
 * handler that must skip replays is left to its processors, which know to skip them.
 */
class BulkReplayTest {

    @Test
    void aProjectionWhoseHandlersAllReplayIsLoadedInBulk() {
        assertThat(BulkReplay.skipsReplays(Replayable.class)).isFalse();
    }

    @Test
    void aHandlerMarkedNotToReplayKeepsTheWholeProjectionToItsProcessors() {
        assertThat(BulkReplay.skipsReplays(OneHandlerNotReplayed.class)).isTrue();
        assertThat(BulkReplay.skipsReplays(OneHandlerNotAllowed.class)).isTrue();
        assertThat(BulkReplay.skipsReplays(NotReplayed.class)).isTrue();
    }

    static class Replayable {
        @EventHandler
        void on(String event) {
        }
    }

    static class OneHandlerNotReplayed {
        @EventHandler
        void on(String event) {
        }

        @EventHandler
        @DisallowReplay
        void on(Integer event) {
        }
    }

    static class OneHandlerNotAllowed {
        @EventHandler
        @AllowReplay(false)
        void on(Long event) {
        }
    }

    @DisallowReplay
    static class NotReplayed {
        @EventHandler
        void on(String event) {
        }
    }
}
