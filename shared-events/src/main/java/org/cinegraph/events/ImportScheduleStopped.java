package org.cinegraph.events;

import org.axonframework.serialization.Revision;

/** The daily import was switched off: its saga ends, leaving no tick behind. */
@Revision("1")
public record ImportScheduleStopped(String scheduleId) {
}
