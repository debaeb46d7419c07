package org.cinegraph.sandbox.tmdb;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.http.Json;

/** TMDb's discover, search, find, change feed and configuration bodies. */
final class TmdbJson {

    private static final String IMAGES_BASE = "image.tmdb.org/t/p/";

    private TmdbJson() {
    }

    /** A page of discover or of search, whose results TMDb lists alike. */
    static byte[] discoverPage(DiscoverPage page) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeNumberField("page", page.page());
            Json.writeObjects(json, "results", page.results(), movie -> writeListEntry(json, movie, false));
            json.writeNumberField("total_pages", page.totalPages());
            json.writeNumberField("total_results", page.totalResults());
            json.writeEndObject();
        });
    }

    /** The sandbox knows movies only: the lists of people and of TV are always empty, as TMDb still sends them. */
    static byte[] findResults(Optional<SandboxMovie> movie) {
        return Json.write(json -> {
            json.writeStartObject();
            Json.writeObjects(json, "movie_results", movie.stream().toList(),
                    found -> writeListEntry(json, found, true));
            for (String others : List.of("person_results", "tv_results", "tv_episode_results", "tv_season_results")) {
                json.writeArrayFieldStart(others);
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** A page of the change feed: the edited movies' ids, none of them adult. */
    static byte[] changesPage(List<Integer> ids, int page, int totalPages, int totalResults) {
        return Json.write(json -> {
            json.writeStartObject();
            Json.writeObjects(json, "results", ids, id -> {
                json.writeNumberField("id", id);
                json.writeBooleanField("adult", false);
            });
            json.writeNumberField("page", page);
            json.writeNumberField("total_pages", totalPages);
            json.writeNumberField("total_results", totalResults);
            json.writeEndObject();
        });
    }

    static byte[] configuration() {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("images");
            json.writeStringField("base_url", "http://" + IMAGES_BASE);
            json.writeStringField("secure_base_url", "https://" + IMAGES_BASE);
            Json.writeStrings(json, "backdrop_sizes", List.of("w300", "w780", "w1280", "original"));
            Json.writeStrings(json, "logo_sizes", List.of("w45", "w92", "w154", "w185", "w300", "w500", "original"));
            Json.writeStrings(json, "poster_sizes",
                    List.of("w92", "w154", "w185", "w342", "w500", "w780", "original"));
            Json.writeStrings(json, "profile_sizes", List.of("w45", "w185", "h632", "original"));
            Json.writeStrings(json, "still_sizes", List.of("w92", "w185", "w300", "original"));
            json.writeEndObject();
            Json.writeStrings(json, "change_keys", List.of("adult", "budget", "cast", "crew", "genres",
                    "imdb_id", "original_title", "overview", "release_dates", "runtime", "title", "videos"));
            json.writeEndObject();
        });
    }

    /** @param withMediaType as in find's results, which may mix movies with people and TV */
    private static void writeListEntry(JsonGenerator json, SandboxMovie movie, boolean withMediaType)
            throws IOException {
        json.writeBooleanField("adult", movie.adult());
        json.writeStringField("backdrop_path", movie.backdropPath());
        json.writeArrayFieldStart("genre_ids");
        for (int genreId : movie.genreIds()) {
            json.writeNumber(genreId);
        }
        json.writeEndArray();
        json.writeNumberField("id", movie.tmdbId());
        json.writeStringField("original_language", movie.originalLanguage());
        json.writeStringField("original_title", movie.originalTitle());
        json.writeStringField("overview", movie.overview());
        json.writeNumberField("popularity", movie.popularity());
        json.writeStringField("poster_path", movie.posterPath());
        if (withMediaType) {
            json.writeStringField("media_type", "movie");
        }
        json.writeStringField("release_date", releaseDate(movie));
        json.writeStringField("title", movie.title());
        json.writeBooleanField("video", movie.video());
        json.writeNumberField("vote_average", movie.voteAverage());
        json.writeNumberField("vote_count", movie.voteCount());
    }

    /** TMDb sends an empty string, not null, for a movie without a release date. */
    static String releaseDate(SandboxMovie movie) {
        return movie.releaseDate() == null ? "" : movie.releaseDate().toString();
    }
}
