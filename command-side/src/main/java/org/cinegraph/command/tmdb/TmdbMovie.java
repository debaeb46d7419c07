package org.cinegraph.command.tmdb;

import com.fasterxml.jackson.databind.JsonNode;

/** A movie's whole TMDb record, as TMDb answered it. */
public record TmdbMovie(JsonNode record) {

    public int tmdbId() {
        return record.get("id").asInt();
    }
}
