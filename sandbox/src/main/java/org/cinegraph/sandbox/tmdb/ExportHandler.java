package org.cinegraph.sandbox.tmdb;

import org.cinegraph.sandbox.http.FileServerError;
import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * {@code GET /p/exports/movie_ids_MM_DD_YYYY.json.gz}: a day's gzipped export, or the file server's 404 for a day
 * not served (today, the future, a day older than TMDb keeps) and for any name that is no export's.
 */
record ExportHandler(SandboxExports exports) implements SandboxHandler {

    private static final String GZIP = "application/gzip";

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return ExportPath.day(request)
                .flatMap(exports::file)
                .map(file -> SandboxResponse.ok(file).withHeader("Content-Type", GZIP))
                .orElseGet(FileServerError::notFound);
    }
}
