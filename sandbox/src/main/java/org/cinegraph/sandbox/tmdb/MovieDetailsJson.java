package org.cinegraph.sandbox.tmdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import org.cinegraph.sandbox.catalogue.Genre;
import org.cinegraph.sandbox.catalogue.MovieDetails;
import org.cinegraph.sandbox.catalogue.MovieDetails.Collection;
import org.cinegraph.sandbox.catalogue.MovieDetails.CountryRelease;
import org.cinegraph.sandbox.catalogue.MovieDetails.Person;
import org.cinegraph.sandbox.catalogue.Origin;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.http.Json;

/**
 * TMDb's movie details body, with appended sections nested under their own names as TMDb does
 * (for example {@code "credits": {"cast": [...], "crew": [...]}}), without the {@code id} that the
 * stand-alone section endpoints carry.
 */
public final class MovieDetailsJson {

    private MovieDetailsJson() {
    }

    /**
     * The body the details endpoint answers for one of a catalogue's movies with every section the importer
     * appends, before TMDb's edits: realistic TMDb records for tools that need many of them without a server
     * (benchmarks).
     */
    public static String withEverySection(SandboxCatalogue catalogue, SandboxMovie movie) {
        return new String(write(catalogue.details(movie), EnumSet.allOf(AppendSection.class)), StandardCharsets.UTF_8);
    }

    static byte[] write(MovieDetails details, Set<AppendSection> sections) {
        return Json.write(json -> {
            json.writeStartObject();
            writeDetails(json, details);
            for (AppendSection section : sections) {
                json.writeFieldName(section.parameter());
                json.writeStartObject();
                switch (section) {
                    case CREDITS -> writeCredits(json, details);
                    case EXTERNAL_IDS -> writeExternalIds(json, details);
                    case KEYWORDS -> Json.writeObjects(json, "keywords", details.keywords(), keyword -> {
                        json.writeNumberField("id", keyword.id());
                        json.writeStringField("name", keyword.name());
                    });
                    case RELEASE_DATES -> writeReleaseDates(json, details.releases());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    private static void writeDetails(JsonGenerator json, MovieDetails details) throws IOException {
        SandboxMovie movie = details.movie();
        Origin origin = details.origin();
        json.writeBooleanField("adult", movie.adult());
        json.writeStringField("backdrop_path", movie.backdropPath());
        json.writeFieldName("belongs_to_collection");
        writeCollection(json, details.collection());
        json.writeNumberField("budget", details.budget());
        Json.writeObjects(json, "genres", movie.genreIds(), genreId -> {
            json.writeNumberField("id", genreId);
            json.writeStringField("name", Genre.byId(genreId).displayName());
        });
        json.writeStringField("homepage", details.homepage());
        json.writeNumberField("id", movie.tmdbId());
        json.writeStringField("imdb_id", movie.imdbId());
        Json.writeStrings(json, "origin_country", List.of(origin.country()));
        json.writeStringField("original_language", movie.originalLanguage());
        json.writeStringField("original_title", movie.originalTitle());
        json.writeStringField("overview", movie.overview());
        json.writeNumberField("popularity", movie.popularity());
        json.writeStringField("poster_path", movie.posterPath());
        Json.writeObjects(json, "production_companies", details.companies(), company -> {
            json.writeNumberField("id", company.id());
            json.writeStringField("logo_path", company.logoPath());
            json.writeStringField("name", company.name());
            json.writeStringField("origin_country", company.originCountry());
        });
        // TMDb lists a movie's countries and languages; a sandbox movie has one of each.
        Json.writeObjects(json, "production_countries", List.of(origin), country -> {
            json.writeStringField("iso_3166_1", country.country());
            json.writeStringField("name", country.countryName());
        });
        json.writeStringField("release_date", TmdbJson.releaseDate(movie));
        json.writeNumberField("revenue", details.revenue());
        json.writeNumberField("runtime", details.runtime());
        Json.writeObjects(json, "spoken_languages", List.of(origin), language -> {
            json.writeStringField("english_name", language.languageEnglishName());
            json.writeStringField("iso_639_1", language.language());
            json.writeStringField("name", language.languageNativeName());
        });
        json.writeStringField("status", details.status());
        json.writeStringField("tagline", details.tagline());
        json.writeStringField("title", movie.title());
        json.writeBooleanField("video", movie.video());
        json.writeNumberField("vote_average", movie.voteAverage());
        json.writeNumberField("vote_count", movie.voteCount());
    }

    private static void writeCollection(JsonGenerator json, Collection collection) throws IOException {
        if (collection == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", collection.id());
        json.writeStringField("name", collection.name());
        json.writeStringField("poster_path", collection.posterPath());
        json.writeStringField("backdrop_path", collection.backdropPath());
        json.writeEndObject();
    }

    private static void writeCredits(JsonGenerator json, MovieDetails details) throws IOException {
        Json.writeObjects(json, "cast", details.cast(), credit -> {
            writePerson(json, credit.person());
            json.writeNumberField("cast_id", credit.castId());
            json.writeStringField("character", credit.character());
            json.writeStringField("credit_id", credit.creditId());
            json.writeNumberField("order", credit.order());
        });
        Json.writeObjects(json, "crew", details.crew(), credit -> {
            writePerson(json, credit.person());
            json.writeStringField("credit_id", credit.creditId());
            json.writeStringField("department", credit.department());
            json.writeStringField("job", credit.job());
        });
    }

    private static void writePerson(JsonGenerator json, Person person) throws IOException {
        json.writeBooleanField("adult", false);
        json.writeNumberField("gender", person.gender());
        json.writeNumberField("id", person.id());
        json.writeStringField("known_for_department", person.knownForDepartment());
        json.writeStringField("name", person.name());
        json.writeStringField("original_name", person.name());
        json.writeNumberField("popularity", person.popularity());
        json.writeStringField("profile_path", person.profilePath());
    }

    private static void writeExternalIds(JsonGenerator json, MovieDetails details) throws IOException {
        json.writeStringField("imdb_id", details.movie().imdbId());
        json.writeStringField("wikidata_id", details.wikidataId());
        json.writeNullField("facebook_id");
        json.writeNullField("instagram_id");
        json.writeNullField("twitter_id");
    }

    private static void writeReleaseDates(JsonGenerator json, List<CountryRelease> releases) throws IOException {
        Json.writeObjects(json, "results", releases, country -> {
            json.writeStringField("iso_3166_1", country.country());
            Json.writeObjects(json, "release_dates", country.dates(), release -> {
                json.writeStringField("certification", release.certification());
                Json.writeStrings(json, "descriptors", List.of());
                json.writeStringField("iso_639_1", "");
                json.writeStringField("note", "");
                json.writeStringField("release_date", release.date() + "T00:00:00.000Z");
                json.writeNumberField("type", release.type());
            });
        });
    }
}
