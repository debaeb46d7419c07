package org.cinegraph.command.festival;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cinegraph.command.tmdb.TmdbCredentialsRejectedException;
import org.cinegraph.events.RecordCeremony;
import org.cinegraph.events.RegisterFestivalOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads one Academy Awards ceremony page and records it: the scraper's one way in. */
@Component
public class CeremonyImport {

    private static final Logger log = LoggerFactory.getLogger(CeremonyImport.class);
    public static final String AMPAS = "AMPAS";
    static final String AMPAS_NAME = "Academy of Motion Picture Arts and Sciences";

    private final OscarsClient oscars;
    private final CommandGateway commands;
    private final NominationMatcher matcher;

    CeremonyImport(OscarsClient oscars, CommandGateway commands, NominationMatcher matcher) {
        this.oscars = oscars;
        this.commands = commands;
        this.matcher = matcher;
    }

    /**
     * Records the ceremony whole, then matches its nominations not tried before to movies (a nomination whose
     * film is not found is recorded as a failure, not dropped).
     *
     * @throws CeremonyNotFoundException when oscars.org has no page for the year
     * @throws CeremonyPageException when the page is not a ceremony page (nothing is recorded)
     * @throws OscarsUnavailableException when oscars.org cannot be read
     */
    public Imported importCeremony(int year) {
        commands.sendAndWait(new RegisterFestivalOrganization(AMPAS, AMPAS_NAME));
        String url = oscars.ceremonyUrl(year).toString();
        ParsedCeremony parsed = CeremonyPage.parse(oscars.ceremonyPage(year), year);
        List<RecordCeremony.Category> categories = new ArrayList<>();
        for (ParsedCeremony.Category category : parsed.categories()) {
            categories.add(new RecordCeremony.Category(category.name(), category.nominations().stream()
                    .map(n -> new RecordCeremony.Nomination(n.film(), n.names(), n.detail(), n.winner())).toList()));
        }
        Integer changes = commands.sendAndWait(new RecordCeremony(AMPAS, year, parsed.ceremonyNumber(), url,
                parsed.contentHash(), categories));
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
