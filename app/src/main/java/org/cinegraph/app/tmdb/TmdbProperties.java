package org.cinegraph.app.tmdb;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cinegraph.tmdb.*}; the token and key also come from TMDB_API_TOKEN and TMDB_API_KEY. */
@ConfigurationProperties("cinegraph.tmdb")
record TmdbProperties(
        @DefaultValue("https://api.themoviedb.org/3") URI baseUrl,
        String apiToken,
        String apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    @Override
    public String toString() {
        return "TmdbProperties[" + baseUrl + "]";
    }
}
