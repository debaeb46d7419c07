package org.cinegraph.sandbox.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * What TMDb's details endpoint and its appendable sections show beyond the discover fields.
 *
 * @param collection null unless the movie is a numbered sequel
 * @param wikidataId null for some movies
 * @param status     TMDb's production status: "Released", or "Post Production" for an announced film and
 *                   "Planned" for one without a release date
 */
public record MovieDetails(
        SandboxMovie movie,
        Origin origin,
        Collection collection,
        long budget,
        long revenue,
        int runtime,
        String tagline,
        String homepage,
        List<Company> companies,
        List<CastCredit> cast,
        List<CrewCredit> crew,
        List<Keyword> keywords,
        List<CountryRelease> releases,
        String wikidataId,
        String status) {

    public record Collection(int id, String name, String posterPath, String backdropPath) {
    }

    public record Company(int id, String name, String logoPath, String originCountry) {
    }

    /** @param gender TMDb's coding: 1 female, 2 male */
    public record Person(int id, String name, int gender, String knownForDepartment, double popularity,
                  String profilePath) {
    }

    public record CastCredit(Person person, int castId, String character, String creditId, int order) {
    }

    public record CrewCredit(Person person, String department, String job, String creditId) {
    }

    public record Keyword(int id, String name) {
    }

    public record CountryRelease(String country, List<ReleaseDate> dates) {
    }

    /** @param type TMDb's release types: 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV */
    public record ReleaseDate(String certification, LocalDate date, int type) {
    }
}
