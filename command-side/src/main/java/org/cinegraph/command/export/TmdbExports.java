package org.cinegraph.command.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.cinegraph.command.tmdb.TmdbLimits;
import org.cinegraph.events.ExportRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TMDb's daily ID exports, fetched from its file server: no credentials (the API's token and key are never given to
 * this class, so none can reach that server), and not within the API's rate limit, which a file server does not
 * have. The TMDb client's timeouts and retries hold: a connection that fails, a timeout or a 5xx before the body
 * begins is retried with the client's backoff. Once the body has begun nothing is retried: the entries read so far
 * have been given to the caller, who could not tell a second reading from the first, so a failure in the middle of
 * the file (the connection lost, the gzip cut short, no bytes for the read timeout) ends the read with
 * {@link ExportUnreadableException}; the next sweep reads the file again.
 *
 * <p>The file is read as it arrives, a line at a time: about 1.1 million lines, 25 MB gzipped and 100 MB unzipped,
 * of which only the line being parsed is in memory. An interrupted thread stops reading at the next line, or at
 * once when it waits for the server.
 */
public class TmdbExports implements ExportFiles {

    /** How many days before today {@link #readNewest} looks: today's export and the seven before it. */
    static final int DAYS_BACK = 7;
    private static final Logger log = LoggerFactory.getLogger(TmdbExports.class);
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("MM_dd_uuuu");
    private static final JsonFactory JSON = new JsonFactory();
    private static final int BUFFER = 1 << 16;

    private final String baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;
    private final Retry retry;
    private final int attempts;

    /**
     * @param baseUrl where the files are, {@code https://files.tmdb.org/p/exports} (the sandbox's in sandbox mode)
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the answer's headers, and then each wait for the body's next bytes, may take
     * @param limits the TMDb client's attempts and backoff; its pace and connections do not apply to files
     */
    public TmdbExports(URI baseUrl, Duration connectTimeout, Duration readTimeout, TmdbLimits limits) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.readTimeout = readTimeout;
        // HTTP/1.1: one file a day gains nothing from HTTP/2, and plain http (the sandbox's) would be asked to
        // upgrade first.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.attempts = limits.maxAttempts();
        this.retry = Retry.of("tmdb-exports", RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .intervalFunction(limits.retryBackoff())
                .retryOnException(TmdbExports::mayPass)
                .build());
    }

    /** {@code movie_ids_MM_DD_YYYY.json.gz}, TMDb's name for the export of {@code day}. */
    public static String fileName(LocalDate day) {
        return "movie_ids_" + FILE_DATE.format(day) + ".json.gz";
    }

    @Override
    public ExportScan read(LocalDate day, Consumer<ExportEntry> entries) {
        String file = fileName(day);
        Lines lines = new Lines(day);
        Instant madeAt;
        try (ResponseBodyStream body = open(day, URI.create(baseUrl + "/" + file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(body, BUFFER),
                     StandardCharsets.UTF_8), BUFFER)) {
            madeAt = body.lastModified();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Interrupted at line " + lines.number);
                }
                lines.next(line, entries);
            }
            body.requireEnd();
        } catch (IOException e) {
            throw new ExportUnreadableException(day, "TMDb's export of " + day + " (" + file + ") could not be read to "
                    + "its end, after " + lines.number + " lines: " + e, e);
        }
        return lines.scan(madeAt);
    }

    @Override
    public ExportScan readNewest(LocalDate today, Consumer<ExportEntry> entries) {
        for (int back = 0; back <= DAYS_BACK; back++) {
            LocalDate day = today.minusDays(back);
            try {
                return read(day, entries);
            } catch (ExportNotFoundException notPublished) {
                // Only a 404 comes here, before any entry was given: the day before may be there.
                log.info("{}; trying the day before", notPublished.getMessage());
            }
        }
        throw new ExportNotFoundException("TMDb has no export from " + today.minusDays(DAYS_BACK) + " to " + today
                + " at " + baseUrl);
    }

    /**
     * Asks for the file until its body begins, retrying what may pass.
     *
     * @throws ExportNotFoundException on a 404, which is not retried
     */
    private ResponseBodyStream open(LocalDate day, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET().build();
        try {
            return Retry.decorateCheckedSupplier(retry, () -> attempt(day, request)).get();
        } catch (ExportNotFoundException | ExportUnreadableException decided) {
            throw decided;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportUnreadableException(day, "Interrupted while asking for TMDb's export of " + day, e);
        } catch (Throwable e) {
            if (Thread.currentThread().isInterrupted()) {
                // Interrupted while waiting to retry: the last failure is what was thrown.
                throw new ExportUnreadableException(day, "Interrupted while asking for TMDb's export of " + day, e);
            }
            String what = e instanceof ServerFailed failed ? "answered HTTP " + failed.status : "could not be reached ("
                    + e + ")";
            throw new ExportUnreadableException(day, "TMDb's file server " + what + " for the export of " + day + " in "
                    + attempts + " attempts", e);
        }
    }

    private ResponseBodyStream attempt(LocalDate day, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = http.send(request,
                HttpResponse.BodyHandlers.ofPublisher());
        ResponseBodyStream body = new ResponseBodyStream(readTimeout, lastModified(response));
        response.body().subscribe(body);
        int status = response.statusCode();
        if (status == 200) {
            return body;
        }
        body.close();
        if (status == 404) {
            throw new ExportNotFoundException("TMDb has no export of " + day + " (HTTP 404 for "
                    + fileName(day) + ")");
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new ServerFailed(status);
        }
        throw new ExportUnreadableException(day, "TMDb's file server answered HTTP " + status + " for the export of "
                + day, null);
    }

    /** When the file server says the file was made, or null when it does not say, or not in HTTP's form. */
    private static Instant lastModified(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Last-Modified")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElse(null);
        } catch (DateTimeParseException notHttpsForm) {
            return null;
        }
    }

    /** A failure before the body began that another attempt may not meet. */
    private static boolean mayPass(Throwable error) {
        return error instanceof ServerFailed || error instanceof IOException;
    }

    /** The file server answered with a status that may pass: a 5xx, 408 or 429. */
    private static final class ServerFailed extends RuntimeException {

        private final int status;

        ServerFailed(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    /**
     * The lines of one export as they are read. Blank lines are held back until a later line shows they were not
     * the file's end: a file ending with a newline, or a few, has no entry after it.
     */
    private static final class Lines {

        private final LocalDate day;
        private final List<Long> malformedLines = new ArrayList<>();
        private long number;
        private long malformed;
        private long blankRun;

        Lines(LocalDate day) {
            this.day = day;
        }

        void next(String line, Consumer<ExportEntry> entries) {
            number++;
            if (line.isBlank()) {
                blankRun++;
                return;
            }
            for (long blank = number - blankRun; blank < number; blank++) {
                malformed(blank);
            }
            blankRun = 0;
            ExportEntry entry = entry(line);
            if (entry == null) {
                malformed(number);
            } else {
                entries.accept(entry);
            }
        }

        private void malformed(long line) {
            malformed++;
            if (malformedLines.size() < ExportRead.MALFORMED_LINES_KEPT) {
                malformedLines.add(line);
            }
        }

        ExportScan scan(Instant madeAt) {
            return new ExportScan(day, number - blankRun, malformed, malformedLines, madeAt);
        }
    }

    /**
     * The entry one line holds, or null when it is not a JSON object with an integer {@code id} from 1 to
     * {@link ExportEntry#MAX_TMDB_ID} and nothing after it. {@code adult} and {@code video} are true only when they say
     * {@code true}; other fields are skipped.
     */
    static ExportEntry entry(String line) {
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int id = 0;
            boolean adult = false;
            boolean video = false;
            String originalTitle = null;
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT
                                || json.getIntValue() < 1 || json.getIntValue() > ExportEntry.MAX_TMDB_ID) {
                            return null;
                        }
                        id = json.getIntValue();
                    }
                    case "adult" -> adult = value == JsonToken.VALUE_TRUE;
                    case "video" -> video = value == JsonToken.VALUE_TRUE;
                    case "original_title" -> originalTitle = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    default -> {
                    }
                }
                json.skipChildren();
            }
            if (token != JsonToken.END_OBJECT || id == 0 || json.nextToken() != null) {
                return null;
            }
            return new ExportEntry(id, adult, video, originalTitle);
        } catch (IOException notJson) {
            return null;
        }
    }
}
