package org.cinegraph.sandbox.tmdb;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cinegraph.sandbox.http.SandboxRequest;

/**
 * {@code /p/exports/movie_ids_MM_DD_YYYY.json.gz}, the path of TMDb's daily ID export of one day: the export
 * endpoint answers it, and the faults that hit the exports aim at every path under {@code /p/exports/}.
 */
public final class ExportPath {

    /** Under the server's root, beside the API's {@code /3}: TMDb's files live on a host of their own. */
    public static final String ROOT = "/p/exports";
    private static final Pattern FILE = Pattern.compile("/p/exports/movie_ids_(\\d{2})_(\\d{2})_(\\d{4})\\.json\\.gz");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'movie_ids_'MM_dd_yyyy'.json.gz'");

    private ExportPath() {
    }

    /** Whether the request asks the file server rather than the API, well-formed or not. */
    public static boolean isExport(SandboxRequest request) {
        return request.path().startsWith(ROOT + "/");
    }

    /** The day whose export the request asks for; empty for any other path, or a name that is no day. */
    public static Optional<LocalDate> day(SandboxRequest request) {
        Matcher file = FILE.matcher(request.path());
        if (!file.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(file.group(3)), Integer.parseInt(file.group(1)),
                    Integer.parseInt(file.group(2))));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }

    /** The file's name for a day, e.g. {@code movie_ids_12_03_2026.json.gz}. */
    public static String fileName(LocalDate day) {
        return NAME.format(day);
    }
}
