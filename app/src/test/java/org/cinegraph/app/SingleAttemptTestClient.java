package org.cinegraph.app;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The tests' HTTP client ({@code TestRestTemplate}, built on Apache HttpClient) sends every request once. By default
 * it sends a request answered 503 or 429 again a second later, a POST too: an admin action the application answered
 * 503 then reached it twice, and counted two attempts where the test sent one (FestivalsApiTest saw a ceremony's
 * failure count jump past the figure it waited for). A test owns its requests; the application's own clients are
 * built by the application and not touched here. Registered for every application context of the tests in
 * {@code META-INF/spring/...AutoConfiguration.imports} under {@code src/test/resources}.
 */
@AutoConfiguration(before = HttpClientAutoConfiguration.class)
public class SingleAttemptTestClient {

    @Bean
    ClientHttpRequestFactoryBuilder<?> clientHttpRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries);
    }
}
