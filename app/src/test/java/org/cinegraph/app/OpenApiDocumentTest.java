package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code /v3/api-docs}, the API's OpenAPI document: it names every endpoint of the application with its methods, the
 * HTTP Basic credentials of the admin's and only those, the problem details they answer; and it is the document
 * committed as {@code docs/openapi.json}. After a change of the API, {@code -Dcinegraph.write-openapi=true} writes the
 * served document there.
 */
// Metrics exported as the jar does (/actuator/prometheus), which a test context otherwise leaves out.
@AutoConfigureObservability(tracing = false)
@ApplicationTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestMappingOfTheApplicationIsInTheDocumentWithItsMethods() {
        JsonNode paths = document().get("paths");
        List<String> missing = new ArrayList<>();
        int mapped = 0;
        for (var mapping : mappings.getHandlerMethods().entrySet()) {
            if (!ours(mapping.getValue())) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as("the methods of %s", mapping.getKey()).isNotEmpty();
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods) {
                    mapped++;
                    if (!paths.path(path).has(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(mapped).as("the application's mappings").isGreaterThan(30);
    }

    /** The actuator's endpoints are no request mappings: those README names are checked one by one. */
    @Test
    void theActuatorsHealthItsProbesAndMetricsAreInTheDocument() {
        JsonNode paths = document().get("paths");
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
            assertThat(paths.path(path).has("get")).as(path).isTrue();
        }
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(paths.path(path).path("get").path("responses").has("503")).as(path).isTrue();
        }
    }

    /** springdoc names a type's schema by its simple name: two types of one name would share one schema, wrongly. */
    @Test
    void noTwoTypesTheOperationsAnswerShareASchemaName() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        mappings.getHandlerMethods().values().stream().filter(OpenApiDocumentTest::ours)
                .forEach(handler -> collect(handler.getMethod().getGenericReturnType(), byName));
        assertThat(byName).as("the types answered").containsKey("ImportStateView");
        assertThat(byName.entrySet().stream().filter(name -> name.getValue().size() > 1)
                .map(name -> name.getKey() + ": " + name.getValue()).toList()).isEmpty();
    }

    @Test
    void adminOperationsAndOnlyThoseNeedTheAdminsBasicCredentials() {
        JsonNode document = document();
        assertThat(document.at("/components/securitySchemes/admin/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/admin/scheme").asText()).isEqualTo("basic");
        List<String> wrong = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            boolean admin = path.getKey().startsWith("/api/admin/")
                    || path.getKey().startsWith("/actuator") && !path.getKey().startsWith("/actuator/health")
                    && !path.getKey().equals("/actuator/info") && !path.getKey().equals("/actuator/prometheus");
            List<String> schemes = new ArrayList<>();
            operation.getValue().path("security").forEach(alternative -> schemes.add(
                    String.join("+", (Iterable<String>) alternative::fieldNames)));
            if (admin ? !schemes.contains("admin") : !schemes.isEmpty()) {
                wrong.add(operation.getKey() + " " + path.getKey() + ": " + schemes);
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(document.at("/paths/~1api~1admin~1imports~1priority/post/security").toString())
                .isEqualTo("[{\"admin\":[]},{\"admin\":[],\"csrf\":[]}]");
        assertThat(document.at("/paths/~1actuator~1metrics/get/security").toString()).isEqualTo("[{\"admin\":[]}]");
        assertThat(document.at("/paths/~1api~1import~1state/get").has("security")).isFalse();
    }

    @Test
    void everyErrorAnswerIsAProblemDetailAndEachOperationNamesItsOwn() {
        JsonNode document = document();
        List<String> notProblems = new ArrayList<>();
        List<String> without400 = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String named = operation.getKey() + " " + path.getKey();
            JsonNode responses = operation.getValue().get("responses");
            if (!responses.has("400")) {
                without400.add(named);
            }
            responses.fields().forEachRemaining(response -> {
                // The actuator's own endpoints answer a metric they do not know with an empty 404.
                if (path.getKey().startsWith("/api/") && response.getKey().compareTo("400") >= 0
                        && !response.getValue().at("/content/" + PROBLEM_JSON.replace("/", "~1") + "/schema/$ref")
                        .asText().equals("#/components/schemas/ProblemDetail")) {
                    notProblems.add(named + " " + response.getKey());
                }
            });
        }));
        assertThat(notProblems).isEmpty();
        assertThat(without400).isEmpty();
        assertThat(statuses(document, "/api/admin/imports/priority", "post"))
                .containsExactly("202", "400", "401", "403", "409", "413", "415", "429", "503");
        assertThat(statuses(document, "/api/admin/festivals/{organization}/ceremonies/{year}/import", "post"))
                .contains("404", "502", "503");
        assertThat(statuses(document, "/api/movies/{tmdbId}", "get")).containsExactly("200", "400", "404", "503");
        assertThat(statuses(document, "/api/import/vocabulary", "get")).containsExactly("200", "400");
        assertThat(document.at("/components/schemas/ProblemDetail/properties").has("detail")).isTrue();
    }

    @Test
    void theBodiesOfTheActionsThatReadTheirRequestThemselvesAreDescribed() {
        JsonNode paths = document().get("paths");
        JsonNode priority = paths.at("/~1api~1admin~1imports~1priority/post/requestBody");
        assertThat(priority.at("/content/application~1json/schema/properties/years/type").asText()).isEqualTo("array");
        assertThat(priority.at("/content/application~1json/example/years").isArray()).isTrue();
        JsonNode upload = paths.at("/~1api~1admin~1lists~1{key}/post/requestBody/content");
        assertThat(upload.has("text/csv")).isTrue();
        assertThat(upload.at("/multipart~1form-data/schema/properties/file/format").asText()).isEqualTo("binary");
    }

    @Test
    void theCommittedDocumentIsTheOneServed() throws IOException {
        JsonNode served = document();
        if (Boolean.getBoolean("cinegraph.write-openapi")) {
            Files.writeString(COMMITTED, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(served) + "\n");
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " (-Dcinegraph.write-openapi=true writes it)").isTrue();
        assertThat(new ObjectMapper().readTree(COMMITTED.toFile()))
                .as("docs/openapi.json; -Dcinegraph.write-openapi=true writes the served document there")
                .isEqualTo(served);
    }

    private JsonNode document() {
        ResponseEntity<JsonNode> answer = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** The application's own handlers: not springdoc's, nor the error page's. */
    private static boolean ours(HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        return !controller.getName().startsWith("org.springdoc.")
                && !ErrorController.class.isAssignableFrom(controller);
    }

    /** The application's types in {@code type}, and in theirs, by simple name. */
    private static void collect(Type type, Map<String, Set<Class<?>>> byName) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), byName);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, byName);
            }
        } else if (type instanceof Class<?> named && named.getName().startsWith("org.cinegraph.")
                && byName.computeIfAbsent(named.getSimpleName(), name -> new HashSet<>()).add(named)
                && named.isRecord()) {
            for (RecordComponent component : named.getRecordComponents()) {
                collect(component.getGenericType(), byName);
            }
        }
    }

    private static List<String> statuses(JsonNode document, String path, String method) {
        List<String> statuses = new ArrayList<>();
        document.get("paths").get(path).get(method).get("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }
}
