package org.cinegraph.app.bench;

import java.time.Duration;
import java.util.Map;

/** Rebuilds every projection from the first event and waits until each one's rebuild has finished. */
interface ProjectionRebuild {

    /** @return how long after the start each projection's rebuild was seen finished, by projection name */
    Map<String, Duration> rebuildAll() throws Exception;
}
