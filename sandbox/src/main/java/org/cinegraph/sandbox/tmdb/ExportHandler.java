package org.cinegraph.sandbox.tmdb;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.cinegraph.sandbox.http.FileServerError;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * {@code GET /p/exports/movie_ids_MM_DD_YYYY.json.gz}: a day's gzipped export, with when it was made
 * ({@code Last-Modified}, as the file server says of TMDb's), or the file server's 404 for a day
 * not served (today, the future, a day older than TMDb keeps) and for any name that is no export's.
 */
record ExportHandler(SandboxExports exports) implements SandboxHandler {

    private static final String GZIP = "application/gzip";

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return ExportPath.day(request)
                .flatMap(exports::file)
                .map(file -> SandboxResponse.ok(file).withHeader("Content-Type", GZIP).withHeader("Last-Modified",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(exports.madeAt().atZone(ZoneOffset.UTC))))
                .orElseGet(FileServerError::notFound);
    }
}
