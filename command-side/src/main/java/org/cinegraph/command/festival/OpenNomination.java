package org.cinegraph.command.festival;

import java.util.List;
import org.cinegraph.events.NominationRef;

/**
 * A recorded nomination whose film is not matched to a movie yet: never tried ({@code attempts} 0), or tried and
 * not found.
 *
 * @param filmYear the year its film came out, as the ceremony tells: the year before it was held
 * @param imdbId its film's IMDb id when the Academy's data names it, else null
 */
record OpenNomination(String organization, int year, String category, String film, List<String> names,
                      String detail, int filmYear, String imdbId, int attempts) {

    NominationRef ref() {
        return new NominationRef(organization, year, category, film, names, detail);
    }

    /** The nominations of one film in one ceremony are matched together: they are the same film. */
    FilmInCeremony filmInCeremony() {
        return new FilmInCeremony(organization, year, film, imdbId);
    }

    record FilmInCeremony(String organization, int year, String film, String imdbId) {
    }
}
