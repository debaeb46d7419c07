package org.cinegraph.command.festival;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cinegraph.command.tmdb.TmdbClient;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.RegisterFestivalOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads one Academy Awards ceremony page and records it: the scraper's one way in. */
@Component
public class CeremonyImport {

    private static final Logger log = LoggerFactory.getLogger(CeremonyImport.class);
    public static final String AMPAS = ImportSource.ACADEMY.name();
    static final String AMPAS_NAME = "Academy of Motion Picture Arts and Sciences";

    private final OscarsClient oscars;
    private final CommandGateway commands;
    private final NominationMatcher matcher;
    private final CeremonyFailures failures;
    private final TmdbClient tmdb;

    CeremonyImport(OscarsClient oscars, CommandGateway commands, NominationMatcher matcher, CeremonyFailures failures,
                   TmdbClient tmdb) {
        this.oscars = oscars;
        this.commands = commands;
        this.matcher = matcher;
        this.failures = failures;
        this.tmdb = tmdb;
    }

    /**
     * Records the ceremony whole, then matches its nominations not tried before to movies (a nomination whose
     * film is not found is recorded as a failure, not dropped). A failure of the ceremony recorded before is
     * resolved; one recorded before and failing again counts one attempt more. A ceremony with no failure
     * recorded that fails here is not recorded as one: the caller, who asked, is answered.
     *
     * @throws CeremonyNotFoundException when oscars.org has no page for the year
     * @throws CeremonyPageException when the page is not a ceremony page (nothing is recorded)
     * @throws OscarsUnavailableException when oscars.org cannot be read
     */
    public Imported importCeremony(int year) {
        Imported imported;
        try {
            imported = read(year);
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                try {
                    String url = oscars.ceremonyUrl(year).toString();
                    failures.failedAgain(AMPAS, year, url, reasonOf(e), detailOf(e, url));
                } catch (RuntimeException notCounted) {
                    e.addSuppressed(notCounted);
                }
            }
            throw e;
        }
        failures.resolved(AMPAS, year);
        return imported;
    }

    /**
     * Imports the ceremony as {@link #importCeremony} does, for work no one waits on (a range of years, a retry):
     * a failure is recorded as {@link org.cinegraph.events.CeremonyImportFailed}, listed and retried as a failure
     * of {@code festival:AMPAS}, instead of thrown; it fails again as one more attempt of the same failure.
     *
     * @return what it imported; empty when it failed (the failure is recorded), or was interrupted because the
     *     node is stopping (nothing is recorded then: the year was not read, rather than failed)
     * @throws RuntimeException only when the failure could not be recorded either (the database is down, say)
     */
    public Optional<Imported> importOrRecordFailure(int year) {
        try {
            Imported imported = read(year);
            failures.resolved(AMPAS, year);
            return Optional.of(imported);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return Optional.empty();
            }
            String url = oscars.ceremonyUrl(year).toString();
            String detail = detailOf(e, url);
            log.warn("Ceremony {} could not be imported; recorded as a failure to retry: {}", year, detail);
            try {
                failures.failed(AMPAS, year, url, reasonOf(e), detail);
            } catch (RuntimeException notRecorded) {
                notRecorded.addSuppressed(e);
                throw notRecorded;
            }
            return Optional.empty();
        }
    }

    /** The years of the Academy's ceremonies whose import failed and has not succeeded since, newest first. */
    public List<Integer> failedYears() {
        return failures.years(AMPAS);
    }

    /** Whether the import of the Academy's ceremony of {@code year} failed and has not succeeded since. */
    public boolean isFailed(int year) {
        return failures.isFailed(AMPAS, year);
    }

    /**
     * The failure reasons of the API: no page, a page that is not a ceremony's, or anything else that kept it
     * from being read or recorded (oscars.org unavailable, the database).
     */
    static String reasonOf(RuntimeException error) {
        if (error instanceof CeremonyNotFoundException) {
            return MovieImportFailed.NOT_FOUND;
        }
        if (error instanceof CeremonyPageException) {
            return MovieImportFailed.MALFORMED_RESPONSE;
        }
        return MovieImportFailed.HTTP_ERROR;
    }

    /**
     * The scraper's own messages say what went wrong with the page; anything else is described without secrets.
     * Either way the detail names the page that was read.
     */
    private String detailOf(RuntimeException error, String url) {
        String detail = error instanceof CeremonyNotFoundException || error instanceof CeremonyPageException
                || error instanceof OscarsUnavailableException ? error.getMessage() : tmdb.describe(error);
        return detail != null && detail.contains(url) ? detail : url + ": " + detail;
    }

    private Imported read(int year) {
        commands.sendAndWait(new RegisterFestivalOrganization(AMPAS, AMPAS_NAME));
        String url = oscars.ceremonyUrl(year).toString();
        ParsedCeremony parsed = CeremonyPage.parse(oscars.ceremonyPage(year), year);
        Integer changes = commands.sendAndWait(parsed.toRecord(AMPAS, year, url));
        NominationMatcher.Summary matching;
        try {
            matching = matcher.matchCeremony(AMPAS, year);
        } catch (TmdbCredentialsRejectedException e) {
            // The ceremony is recorded; its nominations wait, never tried, for credentials TMDb accepts.
            log.warn("Ceremony {} recorded; its nominations are not matched: {}", year, e.getMessage());
            matching = new NominationMatcher.Summary(0, 0);
        }
        return new Imported(AMPAS, year, parsed.ceremonyNumber(), url, parsed.categories().size(),
                parsed.nominationCount(), (int) parsed.winnerCount(), changes == null ? 0 : changes,
                matching.matched(), matching.unmatched());
    }

    /**
     * What a reading found; {@code changes} is 0 when the page was unchanged since it was last read;
     * {@code matched} and {@code unmatched} count the nominations this reading matched to movies or could not
     * (those matched before are in neither).
     */
    public record Imported(String organization, int year, int ceremonyNumber, String sourceUrl, int categories,
                           int nominations, int winners, int changes, int matched, int unmatched) {
    }
}
