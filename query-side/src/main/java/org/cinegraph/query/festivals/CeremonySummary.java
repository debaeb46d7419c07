package org.cinegraph.query.festivals;

import java.time.Instant;

/** A ceremony with how many categories, nominations, winners and nominations matched to a movie it holds. */
record CeremonySummary(int year, int ceremonyNumber, long categories, long nominations, long winners, long matched,
                       String sourceUrl, Instant scrapedAt) {
}
