package org.cinegraph.command.festival;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the Academy's ceremony pages, {@code {baseUrl}/oscars/ceremonies/{year}}: one request a second by
 * default (a Resilience4j rate limiter), a timeout on connecting and on the answer, a cap on the page's size,
 * and a few retries with backoff when oscars.org answers 5xx or cannot be reached.
 */
public class OscarsClient {

    private static final int ATTEMPTS = 3;

    private final URI baseUrl;
    private final Duration timeout;
    private final long maxPageBytes;
    private final HttpClient http;
    private final RateLimiter pace;
    private final Retry retry;

    /**
     * @param requestsPerSecond at most this many requests a second (a fraction for slower: 0.5 is one in two
     *                          seconds)
     */
    public OscarsClient(URI baseUrl, Duration timeout, long maxPageBytes, double requestsPerSecond,
                        Duration initialBackoff) {
        if (requestsPerSecond <= 0 || maxPageBytes < 1) {
            throw new IllegalArgumentException("cinegraph.oscars.requests-per-second and max-page-size must be "
                    + "positive");
        }
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.maxPageBytes = maxPageBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.pace = RateLimiter.of("oscars", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond)))
                .timeoutDuration(Duration.ofMinutes(10))
                .build());
        this.retry = Retry.of("oscars", RetryConfig.custom()
                .maxAttempts(ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0))
                .retryOnException(e -> e instanceof OscarsUnavailableException)
                .build());
    }

    public URI ceremonyUrl(int year) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/oscars/ceremonies/" + year);
    }

    /**
     * @throws CeremonyNotFoundException when oscars.org has no page for the year
     * @throws CeremonyPageException when the page is larger than the cap, or not a web page
     * @throws OscarsUnavailableException when oscars.org could not be read, retries included
     */
    public String ceremonyPage(int year) {
        URI url = ceremonyUrl(year);
        return Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(pace, () -> fetch(url, year))).get();
    }

    private String fetch(URI url, int year) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "text/html").header("User-Agent", "Cinegraph Importer").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 404 || status == 410) {
                    throw new CeremonyNotFoundException(year, url);
                }
                if (status >= 500 || status == 429) {
                    throw new OscarsUnavailableException(url + " answered HTTP " + status);
                }
                if (status != 200) {
                    throw new CeremonyPageException(url + " answered HTTP " + status + ", not a ceremony page.");
                }
                byte[] page = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPageBytes + 1));
                if (page.length > maxPageBytes) {
                    throw new CeremonyPageException(url + " is larger than " + maxPageBytes
                            + " bytes (cinegraph.oscars.max-page-size): not read.");
                }
                return new String(page, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new OscarsUnavailableException(url + " could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while reading " + url, e));
        }
    }
}
