package org.cinegraph.command.festival;

import static org.cinegraph.kernel.problems.Problems.problem;

import java.net.URI;
import java.time.Clock;
import java.time.Year;
import org.cinegraph.command.node.BackgroundActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scraping the Academy's ceremonies: one year now, or a range of years in the background. */
@RestController
record FestivalAdminController(CeremonyImport ceremonies, Clock clock, BackgroundActions background) {

    /** The first Academy Awards ceremony was held in 1929. */
    static final int FIRST_CEREMONY_YEAR = 1929;
    private static final Logger log = LoggerFactory.getLogger(FestivalAdminController.class);

    /** Reads the ceremony held in {@code year} and records it (only what changed, when read before). */
    @PostMapping("/api/admin/festivals/{organization}/ceremonies/{year}/import")
    ResponseEntity<CeremonyImport.Imported> importCeremony(@PathVariable String organization, @PathVariable int year) {
        requireAcademy(organization);
        requireCeremonyYear(year);
        try {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/festivals/" + CeremonyImport.AMPAS + "/ceremonies/" + year))
                    .body(ceremonies.importCeremony(year));
        } catch (CeremonyNotFoundException e) {
            throw problem(HttpStatus.NOT_FOUND, "Ceremony not found", e.getMessage(), e);
        } catch (CeremonyPageException e) {
            throw problem(HttpStatus.BAD_GATEWAY, "Not a ceremony page",
                    e.getMessage() + " Nothing of the ceremony was recorded.", e);
        } catch (OscarsUnavailableException e) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "oscars.org unavailable", e.getMessage(), e);
        }
    }

    /**
     * Reads every ceremony from {@code from} to {@code to}, newest first, in the background (a second a page by
     * default): 202 at once; the ceremonies appear in {@code GET /api/festivals/AMPAS/ceremonies} as they are read,
     * and a year that cannot be read or recorded in {@code GET /api/import/failures} (source {@code festival:AMPAS}),
     * to retry, while the range goes on.
     */
    @PostMapping("/api/admin/festivals/{organization}/ceremonies/import")
    ResponseEntity<RangeAccepted> importRange(@PathVariable String organization, @RequestParam int from,
                                              @RequestParam int to) {
        requireAcademy(organization);
        requireCeremonyYear(from);
        requireCeremonyYear(to);
        if (from > to) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad range", "from (" + from + ") is after to (" + to + ").", null);
        }
        if (!background.start("Reading a range of ceremonies", () -> importRange(from, to))) {
            throw problem(HttpStatus.CONFLICT, "Ceremony import already running",
                    "A range of ceremonies is being read; wait for it to finish.", null);
        }
        return ResponseEntity.accepted().location(URI.create("/api/festivals/" + CeremonyImport.AMPAS + "/ceremonies"))
                .body(new RangeAccepted(CeremonyImport.AMPAS, from, to));
    }

    private void importRange(int from, int to) {
        for (int year = to; year >= from; year--) {
            if (Thread.currentThread().isInterrupted()) {
                log.warn("Ceremonies {} to {} were not read: the node is stopping; import them again", from, year);
                return;
            }
            try {
                ceremonies.importOrRecordFailure(year).ifPresent(imported -> log.info(
                        "Ceremony {} ({}): {} categories, {} nominations, {} changes", imported.year(),
                        imported.ceremonyNumber(), imported.categories(), imported.nominations(), imported.changes()));
            } catch (RuntimeException e) {
                // Nothing could be written (the database is down, say): not even that this year failed.
                log.error("Ceremony {} failed and its failure could not be recorded; import it again", year, e);
            }
        }
    }

    private static void requireAcademy(String organization) {
        if (!CeremonyImport.AMPAS.equals(organization)) {
            throw problem(HttpStatus.NOT_FOUND, "Unknown festival", "Only the Academy Awards (" + CeremonyImport.AMPAS
                    + ") can be scraped; '" + organization + "' is not known.", null);
        }
    }

    private void requireCeremonyYear(int year) {
        int latest = Year.now(clock).getValue() + 1;
        if (year < FIRST_CEREMONY_YEAR || year > latest) {
            throw problem(HttpStatus.BAD_REQUEST, "Year out of range", "Academy Awards ceremonies were held from "
                    + FIRST_CEREMONY_YEAR + "; " + year + " is outside " + FIRST_CEREMONY_YEAR + " to " + latest + ".",
                    null);
        }
    }

    record RangeAccepted(String organization, int from, int to) {
    }
}
