package org.cinegraph.sandbox.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.cinegraph.sandbox.catalogue.MovieDetails.CastCredit;
import org.cinegraph.sandbox.catalogue.MovieDetails.Collection;
import org.cinegraph.sandbox.catalogue.MovieDetails.Company;
import org.cinegraph.sandbox.catalogue.MovieDetails.CountryRelease;
import org.cinegraph.sandbox.catalogue.MovieDetails.CrewCredit;
import org.cinegraph.sandbox.catalogue.MovieDetails.Keyword;
import org.cinegraph.sandbox.catalogue.MovieDetails.Person;
import org.cinegraph.sandbox.catalogue.MovieDetails.ReleaseDate;

/**
 * Derives a movie's details from its discover fields and the seed, keyed by TMDb id, so asking twice for
 * the same movie gives the same credits, keywords and release dates.
 */
final class DetailsGenerator {

    private static final long FACTS = 201;
    private static final long CREDITS = 202;
    private static final long KEYWORDS = 203;
    private static final long RELEASES = 204;
    private static final long COLLECTION = 205;

    private static final int THEATRICAL = 3;
    private static final int DIGITAL = 4;
    private static final int FIRST_COLLECTION_ID = 700_000;
    private static final int COLLECTION_ID_RANGE = 200_000;

    private static final List<Company> COMPANIES = List.of(
            new Company(90_011, "Northlight Pictures", "/nL7c2QmPq8Rv1sTz4XyWb0aKdEf.png", "US"),
            new Company(90_024, "Blue Heron Films", null, "GB"),
            new Company(90_037, "Meridian Studios", "/mR3d9SxVt6Yu2Wq8Zp1Lk4Jh7Gf.png", "US"),
            new Company(90_050, "Saltwater Entertainment", null, "US"),
            new Company(90_063, "Copperfield Productions", "/cP5f1HgJk2Lm3Nb4Vc6Xz7Qw8Er.png", "GB"),
            new Company(90_076, "Lanternfish Media", null, "FR"),
            new Company(90_089, "Redwood Cinema Group", "/rW9g2TyUi3Op4As5Df6Gh7Jk8Lz.png", "US"),
            new Company(90_102, "Paper Moon Films", null, "DE"),
            new Company(90_115, "Harborlight Studios", "/hB1k3ZxCv4Bn5Mq6Wr7Et8Yu9Io.png", "ES"),
            new Company(90_128, "Kestrel Films", null, "IT"),
            new Company(90_141, "Silver Birch Pictures", "/sB2l4AsDf5Gh6Jk7Lq8Wv9Ex0Rt.png", "JP"),
            new Company(90_154, "Quarry Lane Productions", null, "KR"),
            new Company(90_167, "Obsidian Arts", "/oA3m5QwEr6Ty7Ui8Op9As0Df1Gh.png", "IN"),
            new Company(90_180, "Tall Grass Films", null, ""));

    private static final List<Keyword> KEYWORDS_POOL = List.of(
            new Keyword(40_001, "small town"), new Keyword(40_002, "coming of age"),
            new Keyword(40_003, "family secret"), new Keyword(40_004, "road trip"),
            new Keyword(40_005, "heist"), new Keyword(40_006, "based on novel or book"),
            new Keyword(40_007, "friendship"), new Keyword(40_008, "revenge"),
            new Keyword(40_009, "island"), new Keyword(40_010, "winter"),
            new Keyword(40_011, "lighthouse"), new Keyword(40_012, "musician"),
            new Keyword(40_013, "inheritance"), new Keyword(40_014, "detective"),
            new Keyword(40_015, "sequel"), new Keyword(40_016, "period drama"),
            new Keyword(40_017, "female protagonist"), new Keyword(40_018, "dystopia"),
            new Keyword(40_019, "time travel"), new Keyword(40_020, "circus"),
            new Keyword(40_021, "cooking"), new Keyword(40_022, "observatory"),
            new Keyword(40_023, "sibling relationship"), new Keyword(40_024, "duringcreditsstinger"));

    private static final List<CrewJob> CREW_JOBS = List.of(
            new CrewJob("Directing", "Director"),
            new CrewJob("Writing", "Screenplay"),
            new CrewJob("Production", "Producer"),
            new CrewJob("Camera", "Director of Photography"),
            new CrewJob("Editing", "Editor"),
            new CrewJob("Sound", "Original Music Composer"));

    private final long seed;

    DetailsGenerator(long seed) {
        this.seed = seed;
    }

    /** @param status TMDb's production status, which the catalogue knows from the kind of movie */
    MovieDetails details(SandboxMovie movie, String status) {
        Origin origin = Origin.ofCountry(movie.originCountry());
        Draws facts = draws(FACTS, movie);
        long budget = facts.chance(0.45) ? 0 : facts.between(2, 400) * 500_000L;
        long revenue = budget > 0 && facts.chance(0.7)
                ? Math.round(budget * (0.2 + 4.8 * facts.nextDouble()) / 1000.0) * 1000 : 0;
        int runtime = movie.overview().isEmpty() ? 0 : facts.between(78, 165);
        String tagline = facts.chance(0.6) ? Prose.tagline(facts) : "";
        String homepage = facts.chance(0.3) ? "https://www.example.com/films/" + movie.tmdbId() : "";
        List<Company> companies = Draws.distinct(facts.between(1, 3), () -> facts.pick(COMPANIES));
        Draws keywordDraws = draws(KEYWORDS, movie);
        List<Keyword> keywords = Draws.distinct(keywordDraws.between(2, 6), () -> keywordDraws.pick(KEYWORDS_POOL));
        String wikidataId = facts.chance(0.7) ? "Q" + facts.between(10_000_000, 130_000_000) : null;
        Draws credits = draws(CREDITS, movie);
        return new MovieDetails(movie, origin, collection(movie), budget, revenue, runtime, tagline, homepage,
                companies, cast(credits), crew(credits), keywords, releases(movie, origin), wikidataId, status);
    }

    private Collection collection(SandboxMovie movie) {
        return Prose.franchiseOf(movie.title())
                .map(franchise -> {
                    // Keyed by the franchise's name, so every sequel of it lands in the same collection.
                    Draws draws = new Draws(seed, COLLECTION, franchise.hashCode());
                    return new Collection(FIRST_COLLECTION_ID + draws.nextInt(COLLECTION_ID_RANGE),
                            franchise + " Collection", draws.imagePath("jpg"), draws.imagePath("jpg"));
                })
                .orElse(null);
    }

    private List<CastCredit> cast(Draws draws) {
        List<Person> actors = Draws.distinct(draws.between(4, 10), () -> People.draw(draws, seed));
        List<CastCredit> cast = new ArrayList<>(actors.size());
        for (int order = 0; order < actors.size(); order++) {
            cast.add(new CastCredit(actors.get(order), order + 1, Prose.character(draws), draws.hexId(), order));
        }
        return cast;
    }

    private List<CrewCredit> crew(Draws draws) {
        List<CrewCredit> crew = new ArrayList<>(CREW_JOBS.size());
        for (CrewJob job : CREW_JOBS) {
            crew.add(new CrewCredit(People.draw(draws, seed), job.department(), job.job(), draws.hexId()));
        }
        return crew;
    }

    /**
     * Every date is on or after the primary release date, which TMDb takes as the earliest of them; a movie
     * without one has no release anywhere yet.
     */
    private List<CountryRelease> releases(SandboxMovie movie, Origin origin) {
        if (movie.releaseDate() == null) {
            return List.of();
        }
        Draws draws = draws(RELEASES, movie);
        List<ReleaseDate> home = List.of(
                new ReleaseDate(certification(draws, origin), movie.releaseDate(), THEATRICAL),
                new ReleaseDate("", movie.releaseDate().plusDays(draws.between(60, 150)), DIGITAL));
        List<CountryRelease> releases = new ArrayList<>();
        releases.add(new CountryRelease(origin.country(), home));
        if (origin != Origin.UNITED_STATES && draws.chance(0.5)) {
            releases.add(new CountryRelease(Origin.UNITED_STATES.country(), List.of(new ReleaseDate(
                    certification(draws, Origin.UNITED_STATES), movie.releaseDate().plusDays(draws.between(0, 90)),
                    THEATRICAL))));
        }
        return releases;
    }

    private static String certification(Draws draws, Origin origin) {
        return draws.chance(0.8) ? draws.pick(origin.certifications()) : "";
    }

    private Draws draws(long section, SandboxMovie movie) {
        return new Draws(seed, section, movie.tmdbId());
    }

    private record CrewJob(String department, String job) {
    }
}
