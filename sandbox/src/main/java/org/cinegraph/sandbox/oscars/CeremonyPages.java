package org.cinegraph.sandbox.oscars;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cinegraph.sandbox.http.SandboxHandler;
import org.cinegraph.sandbox.http.SandboxRequest;
import org.cinegraph.sandbox.http.SandboxResponse;

/**
 * oscars.org's {@code /oscars/ceremonies/{year}}: the ceremony held that year, in the real page's markup, built
 * from the nominations; any other year is a 404 page. {@link #replace} serves a page of a test's own for a year (a
 * changed page, a hostile one).
 */
public final class CeremonyPages implements SandboxHandler {

    /** The path of a ceremony's page, its year the one group. */
    public static final String PATH = "/oscars/ceremonies/(\\d{1,4})/?";

    private static final Pattern CEREMONY = Pattern.compile(PATH);
    private static final String HTML = "text/html;charset=utf-8";

    private final OscarsNominations nominations;
    private final Map<Integer, SandboxResponse> replaced = new ConcurrentHashMap<>();

    public CeremonyPages(OscarsNominations nominations) {
        this.nominations = nominations;
    }

    /** From now on the year's page answers {@code status} with {@code html}, until {@link #restore}. */
    public void replace(int year, int status, String html) {
        replaced.put(year, new SandboxResponse(status, html.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", HTML));
    }

    public void restore(int year) {
        replaced.remove(year);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        Matcher path = CEREMONY.matcher(request.path());
        if (!path.matches()) {
            return notFound();
        }
        int year = Integer.parseInt(path.group(1));
        SandboxResponse replacement = replaced.get(year);
        if (replacement != null) {
            return replacement;
        }
        return nominations.ceremony(year)
                .map(categories -> new SandboxResponse(200, CeremonyPageWriter.write(year,
                        year - OscarsNominations.FIRST_CEREMONY_YEAR_OFFSET, categories)
                        .getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type", HTML))
                .orElseGet(CeremonyPages::notFound);
    }

    private static SandboxResponse notFound() {
        return new SandboxResponse(404, "<!DOCTYPE html><html><head><title>Page not found | Oscars.org</title></head>"
                .concat("<body><h1>Page not found</h1></body></html>").getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", HTML);
    }
}
