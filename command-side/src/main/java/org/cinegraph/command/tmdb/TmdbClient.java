package org.cinegraph.command.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/** Talks to TMDb's API v3, or to the sandbox that answers like it. */
public class TmdbClient {

    private final RestClient rest;
    private final TmdbConnection connection;

    public TmdbClient(TmdbConnection connection, RestClient.Builder builder) {
        this.connection = connection;
        HttpClient http = HttpClient.newBuilder().connectTimeout(connection.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(connection.readTimeout());
        this.rest = builder.clone()
                .baseUrl(connection.baseUrl().toString())
                .requestFactory(requests)
                .requestInterceptor(authentication(connection))
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .build();
    }

    public URI baseUrl() {
        return connection.baseUrl();
    }

    /** What went wrong, in words safe to log: no token or key, even where the error quotes a URL. */
    public String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return connection.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /**
     * TMDb's {@code /configuration}: the cheapest request that proves TMDb answers and accepts the
     * credentials.
     *
     * @throws TmdbCredentialsRejectedException when TMDb answers 401
     */
    public JsonNode configuration() {
        return rest.get().uri("/configuration")
                .retrieve()
                .onStatus(status -> status.value() == HttpStatus.UNAUTHORIZED.value(), (request, response) -> {
                    throw new TmdbCredentialsRejectedException();
                })
                .body(JsonNode.class);
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
