package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every parameter of every endpoint of the API, read and admin alike, as the application maps them (so an endpoint
 * added later is covered too), sent each hostile value of a table: NUL, numbers too long for any type, bytes that
 * are not UTF-8, 10,000 characters, every SQL metacharacter. The only answers allowed: 2xx, or 4xx as a problem detail.
 */
@ApplicationTest
class HostileParametersTest {

    /**
     * Text no parameter can hold: a NUL (PostgreSQL stores none), bytes that are not UTF-8 (an overlong NUL, a
     * surrogate, beyond U+10FFFF). Always a 4xx, never a parameter quietly dropped and the request answered without it.
     */
    private static final List<String> NOT_TEXT = List.of("%00", "a%00b", "%00%00%00", "%C3%28", "%FF%FE%FD",
            "%ED%A0%80", "%C0%80", "%F4%90%80%80", "%E2%82");
    /** As they go into the URL: already %-encoded where a URL cannot hold them raw. */
    private static final List<String> HOSTILE = List.of(
            "99999999999999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN",
            "-0", "0x7fffffff", "x".repeat(10_000), "%E2%82%AC".repeat(3_000),
            "'", "%22", ";", "--", "%2F*", "*%2F", "%25", "_", "%5C", "%27%20OR%20%271%27%3D%271",
            "1%3B%20DROP%20TABLE%20movie%3B--", "%24%24", "%3A%3Atext", "E%27%5C%5C%27", "%0D%0AX-Injected%3A%201",
            "%3Cscript%3E", "..%2F..%2F", "%20", "");
    /**
     * What the other parameters of an endpoint hold while one of them is hostile, so that the hostile one is read:
     * a {@code subject} is only read beside a {@code source}, say. None names anything that exists: no action starts.
     */
    private static final Map<String, String> PLAUSIBLE = Map.ofEntries(
            Map.entry("year", "1952"), Map.entry("organization", "AMPAS"), Map.entry("key", "hostile-values"),
            Map.entry("name", "movies"), Map.entry("tmdbId", "550"), Map.entry("source", "year_import"),
            Map.entry("subject", "550"), Map.entry("from", "1952"), Map.entry("to", "1952"), Map.entry("q", "x"),
            Map.entry("limit", "5"), Map.entry("offset", "0"), Map.entry("hours", "1"));
    private static final String LIST = "Const,Title,Year\r\ntt0000001,Hostile,1952\r\n";

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void everyParameterOfEveryEndpointAnswersEveryHostileValueWithA2xxOrA4xxProblem() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::path).contains("/api/movies", "/api/admin/failures/retry",
                "/api/admin/lists/{key}", "/api/festivals/{organization}/ceremonies/{year}");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            for (String parameter : endpoint.parameters()) {
                for (String value : allValues()) {
                    HttpResponse<String> answer = send(endpoint, parameter, value);
                    sent++;
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    boolean problem = answer.statusCode() / 100 == 4 && type.startsWith("application/problem+json");
                    boolean allowed = problem || answer.statusCode() / 100 == 2 && !NOT_TEXT.contains(value);
                    if (!allowed) {
                        wrong.add(endpoint.method() + " " + endpoint.path() + " " + parameter + "="
                                + abbreviate(value) + ": " + answer.statusCode() + " " + type + " "
                                + abbreviate(answer.body()));
                    }
                }
            }
        }
        assertThat(sent).as("hostile requests sent").isGreaterThan(500);
        assertThat(wrong).isEmpty();
    }

    private HttpResponse<String> send(Endpoint endpoint, String parameter, String value) throws Exception {
        String path = endpoint.path();
        for (String variable : endpoint.pathVariables()) {
            path = path.replace("{" + variable + "}", variable.equals(parameter) ? value : PLAUSIBLE.get(variable));
        }
        List<String> query = new ArrayList<>();
        for (String other : endpoint.parameters()) {
            if (other.equals(parameter) && !endpoint.pathVariables().contains(other)) {
                query.add(other + "=" + value);
            } else if (!endpoint.pathVariables().contains(other) && PLAUSIBLE.containsKey(other)) {
                query.add(other + "=" + PLAUSIBLE.get(other));
            }
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (path.startsWith("/api/admin/")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + ApplicationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (endpoint.method() == RequestMethod.POST) {
            if (endpoint.path().startsWith("/api/admin/lists/")) {
                request.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(LIST));
            } else {
                request.POST(HttpRequest.BodyPublishers.noBody());
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application's own API endpoints that take a parameter, with their path variables and request parameters. */
    private List<Endpoint> endpoints() {
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<String> pathVariables = new LinkedHashSet<>();
            Set<String> parameters = new LinkedHashSet<>();
            for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                parameter.initParameterNameDiscovery(names);
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (variable != null) {
                    pathVariables.add(variable.name().isEmpty() ? parameter.getParameterName() : variable.name());
                } else if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    parameters.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                }
            }
            List<String> all = new ArrayList<>(pathVariables);
            all.addAll(parameters);
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    if (path.startsWith("/api/") && !all.isEmpty()) {
                        endpoints.add(new Endpoint(method, path, List.copyOf(pathVariables), List.copyOf(all)));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static List<String> allValues() {
        List<String> values = new ArrayList<>(NOT_TEXT);
        values.addAll(HOSTILE);
        return values;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private record Endpoint(RequestMethod method, String path, List<String> pathVariables, List<String> parameters) {
    }
}
