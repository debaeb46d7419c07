package org.cinegraph.command.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A movie's whole TMDb record: the answer exactly as TMDb sent it, and its parsed tree.
 *
 * @param json TMDb's answer, unchanged, for {@code MovieImported}
 */
public record TmdbMovie(JsonNode record, String json) {

    public int tmdbId() {
        return record.get("id").asInt();
    }

    public String title() {
        return text("title");
    }

    /** Null when TMDb has no IMDb id for the movie. */
    public String imdbId() {
        return text("imdb_id");
    }

    /** Null when TMDb has no release date, or one that is not a date. */
    public LocalDate releaseDate() {
        String date = text("release_date");
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String text(String field) {
        JsonNode value = record.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
