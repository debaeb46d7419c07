package org.cinegraph.command.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Talks to TMDb's API v3, or to the sandbox that answers like it, within TMDb's limits and through its failures. */
public class TmdbClient implements AutoCloseable {

    /** The sections appended to a movie's details, so that one request brings its whole record. */
    static final String APPENDED_SECTIONS = "credits,external_ids,keywords,release_dates";
    /**
     * Discover pages are read by release date, not popularity: popularity changes all the time and would
     * move movies between pages while they are read.
     */
    static final String STABLE_ORDER = "primary_release_date.asc";

    private final RestClient rest;
    private final TmdbConnection connection;
    private final ResilientTransport transport;
    private final ObjectMapper json = new ObjectMapper();
    private final CloseableHttpClient http;

    /** @param activity counts this client's requests and 429s for the dashboard */
    public TmdbClient(TmdbConnection connection, TmdbLimits limits, RestClient.Builder builder, MeterRegistry meters,
                      TmdbActivity activity) {
        this.connection = connection;
        this.transport = new ResilientTransport(limits, meters, activity);
        this.http = httpClient(connection, limits);
        this.rest = builder.clone()
                .baseUrl(connection.baseUrl().toString())
                .requestFactory(new HttpComponentsClientHttpRequestFactory(http))
                .requestInterceptor(authentication(connection))
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .build();
    }

    /**
     * Apache's classic client, blocking, with a pool of {@code maxConnections} connections: the JDK's client, which
     * Spring drives asynchronously, cost a tenth of the importer's CPU and started a thread for every request on
     * two cores, in a profile of bench/run. Everything that may be retried is retried by {@link ResilientTransport} alone; redirects and
     * cookies are not TMDb's API.
     */
    private static CloseableHttpClient httpClient(TmdbConnection connection, TmdbLimits limits) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(limits.maxConnections())
                        .setMaxConnPerRoute(limits.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connection.connectTimeout()))
                                .setSocketTimeout(Timeout.of(connection.readTimeout()))
                                // A kept-alive connection TMDb closed while idle is found out before it is
                                // used, not by a failed request that costs an attempt.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public URI baseUrl() {
        return connection.baseUrl();
    }

    /** Closes the connections to TMDb. */
    @Override
    public void close() throws IOException {
        http.close();
    }

    /** What went wrong, in words safe to log: no token or key, even where the error quotes a URL. */
    public String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return connection.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** TMDb's {@code /configuration}: the cheapest request that proves TMDb answers and accepts the credentials. */
    public JsonNode configuration() {
        return get("/configuration", uri -> uri.build(), "the configuration").tree();
    }

    /** How many movies TMDb's discover lists in all, without any date: TMDb's size as far as discover sees it. */
    public int totalMovies() {
        JsonNode body = get("/discover/movie", uri -> uri
                .queryParam("include_adult", false)
                .queryParam("include_video", false)
                .queryParam("page", 1)
                .build(), "discover").tree();
        if (!body.path("total_results").canConvertToInt()) {
            throw new TmdbMalformedResponseException("discover", null);
        }
        return body.get("total_results").asInt();
    }

    /**
     * One page of the movies whose primary release date lies in {@code [from, to]}, in a stable order.
     *
     * @throws TmdbRequestRejectedException for a page TMDb does not serve (past page 500)
     */
    public DiscoverPage discover(LocalDate from, LocalDate to, int page) {
        String what = "discover " + from + ".." + to + " page " + page;
        JsonNode body = get("/discover/movie", uri -> uri
                .queryParam("primary_release_date.gte", from)
                .queryParam("primary_release_date.lte", to)
                .queryParam("sort_by", STABLE_ORDER)
                .queryParam("include_adult", false)
                .queryParam("include_video", false)
                .queryParam("page", page)
                .build(), what).tree();
        if (!body.path("total_results").canConvertToInt() || !body.path("results").isArray()) {
            throw new TmdbMalformedResponseException(what, null);
        }
        List<DiscoveredMovie> movies = new ArrayList<>();
        for (JsonNode result : body.get("results")) {
            if (!result.path("id").canConvertToInt()) {
                throw new TmdbMalformedResponseException(what, null);
            }
            movies.add(new DiscoveredMovie(result.get("id").asInt(), result.path("title").asText(null),
                    date(result.path("release_date"))));
        }
        return new DiscoverPage(body.path("page").asInt(page), body.path("total_pages").asInt(),
                body.get("total_results").asInt(), List.copyOf(movies));
    }

    /**
     * One page of the ids of movies TMDb changed from {@code from} to {@code to} (both inclusive, at most 14
     * days apart, as TMDb requires), 100 a page.
     */
    public ChangesPage changes(LocalDate from, LocalDate to, int page) {
        String what = "changes " + from + ".." + to + " page " + page;
        JsonNode body = get("/movie/changes", uri -> uri
                .queryParam("start_date", from)
                .queryParam("end_date", to)
                .queryParam("page", page)
                .build(), what).tree();
        if (!body.path("results").isArray() || !body.path("total_pages").canConvertToInt()) {
            throw new TmdbMalformedResponseException(what, null);
        }
        List<Integer> ids = new ArrayList<>();
        for (JsonNode result : body.get("results")) {
            if (!result.path("id").canConvertToInt()) {
                throw new TmdbMalformedResponseException(what, null);
            }
            ids.add(result.get("id").asInt());
        }
        return new ChangesPage(body.path("page").asInt(page), body.get("total_pages").asInt(), List.copyOf(ids));
    }

    /**
     * A movie's whole TMDb record, its credits, external ids, keywords and release dates appended.
     *
     * @throws TmdbNotFoundException when TMDb no longer knows the movie
     * @throws TmdbMalformedResponseException when the answer is not a movie record
     */
    public TmdbMovie movie(int tmdbId) {
        String what = "movie " + tmdbId;
        Answer answer = get("/movie/{id}", uri -> uri.queryParam("append_to_response", APPENDED_SECTIONS)
                .build(tmdbId), what);
        if (answer.tree().path("id").asInt(-1) != tmdbId) {
            throw new TmdbMalformedResponseException(what, null);
        }
        return new TmdbMovie(answer.tree(), answer.text());
    }

    /**
     * The movies TMDb knows by an IMDb id: none, or (nearly always) one.
     *
     * @throws TmdbMalformedResponseException when the answer is not a find result
     */
    public List<FoundMovie> findByImdbId(String imdbId) {
        String what = "find " + imdbId;
        JsonNode body = get("/find/{id}", uri -> uri.queryParam("external_source", "imdb_id").build(imdbId), what)
                .tree();
        return foundMovies(body.path("movie_results"), what);
    }

    /**
     * The first page of TMDb's search for movies titled like {@code query}, most relevant first, by any release
     * year: the caller weighs the years itself, since TMDb's year filter drops a film listed a year off.
     */
    public List<FoundMovie> searchMovies(String query) {
        String what = "search '" + query + "'";
        JsonNode body = get("/search/movie", uri -> uri
                .queryParam("query", "{query}")
                .queryParam("include_adult", false)
                .queryParam("page", 1)
                .build(query), what).tree();
        return foundMovies(body.path("results"), what);
    }

    private static List<FoundMovie> foundMovies(JsonNode results, String what) {
        if (!results.isArray()) {
            throw new TmdbMalformedResponseException(what, null);
        }
        List<FoundMovie> movies = new ArrayList<>();
        for (JsonNode result : results) {
            if (!result.path("id").canConvertToInt()) {
                throw new TmdbMalformedResponseException(what, null);
            }
            movies.add(new FoundMovie(result.get("id").asInt(), result.path("title").asText(null),
                    result.path("original_title").asText(null), date(result.path("release_date")),
                    result.path("popularity").asDouble(0)));
        }
        return List.copyOf(movies);
    }

    /**
     * @param endpoint the path's template, its variables filled in by {@code uri}: requests are timed by it
     * @param uri the rest of the request's URI on the endpoint's path
     */
    private Answer get(String endpoint, Function<UriBuilder, URI> uri, String what) {
        return transport.execute(endpoint, () -> rest.get().uri(builder -> uri.apply(builder.path(endpoint)))
                .exchange((request, response) -> new TmdbResponse(
                        response.getStatusCode().value(),
                        TmdbResponse.parseRetryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)),
                        response.getBody().readAllBytes())),
                response -> interpret(response, what));
    }

    private Answer interpret(TmdbResponse response, String what) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            try {
                return new Answer(json.readTree(response.body()), new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new TmdbMalformedResponseException(what, e);
            }
        }
        if (status == 401) {
            throw new TmdbCredentialsRejectedException();
        }
        if (status == 404) {
            throw new TmdbNotFoundException(what);
        }
        if (status >= 500) {
            throw new TmdbServerErrorException(status);
        }
        throw new TmdbRequestRejectedException(status, what, statusMessage(response.body()));
    }

    private String statusMessage(byte[] body) {
        try {
            return json.readTree(body).path("status_message").asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static LocalDate date(JsonNode value) {
        String text = value.asText("");
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A successful answer: its parsed tree, and its text exactly as received. */
    private record Answer(JsonNode tree, String text) {
    }

    private static ClientHttpRequestInterceptor authentication(TmdbConnection connection) {
        return (request, body, execution) -> {
            if (connection.hasToken()) {
                request.getHeaders().setBearerAuth(connection.apiToken());
                return execution.execute(request, body);
            }
            if (connection.hasApiKey()) {
                URI withKey = UriComponentsBuilder.fromUri(request.getURI())
                        .queryParam("api_key", connection.apiKey()).build(true).toUri();
                return execution.execute(new HttpRequestWrapper(request) {
                    @Override
                    public URI getURI() {
                        return withKey;
                    }
                }, body);
            }
            return execution.execute(request, body);
        };
    }
}
