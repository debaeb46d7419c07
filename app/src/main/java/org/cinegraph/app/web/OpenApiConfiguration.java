package org.cinegraph.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui.html}), as springdoc
 * reads it from the controllers, completed with what it cannot see there: the problem details each operation answers
 * (RFC 9457, {@code application/problem+json}), the bodies of the actions that read their request themselves, the
 * 202 every admin action answers, and the HTTP Basic credentials an operation needs. Which operations need them is
 * asked of Spring Security's own rules, so the document cannot say otherwise than {@link SecurityConfiguration}.
 * <p>
 * The document is the same on every node and every run ({@code docs/openapi.json} holds it): one relative server,
 * keys sorted, tags in name order.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "admin";
    private static final String CSRF = "csrf";
    /** Replaces springdoc's schema of Spring's class, which shows its extra members as a map they are not. */
    private static final String PROBLEM = "ProblemDetail";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String TABLE_MISSING = "A table this answer needs is missing: GET /api/admin/tables says "
            + "which, and how it comes back.";
    /** The operations that read no table, so answer no 503 for one missing. */
    private static final List<String> READ_NO_TABLE = List.of("GET /api/import/vocabulary", "GET /api/admin/session",
            "GET /api/tmdb/activity");

    /** The problem details particular to each operation, by status, from its controller. */
    private static final Map<String, Map<String, String>> PROBLEMS = Map.ofEntries(
            Map.entry("GET /api/movies/{tmdbId}", Map.of("404", "Movie not imported.")),
            Map.entry("GET /api/import/years/{year}", Map.of("404", "The import of the year was never started.")),
            Map.entry("GET /api/lists/{key}", Map.of("404", "List not found: no list of this key was imported.")),
            Map.entry("GET /api/festivals/{organization}/ceremonies", Map.of("404", "Unknown festival.")),
            Map.entry("GET /api/festivals/{organization}/ceremonies/{year}",
                    Map.of("404", "Unknown festival, or no ceremony of the year recorded.")),
            Map.entry("POST /api/admin/tables/{name}/rebuild", Map.of(
                    "404", "No table of that name.",
                    "409", "A table of the event store, which nothing rebuilds; a rebuild already under way; or a "
                            + "table that needs every node restarted.",
                    "503", "The table belongs to a side this node does not run.")),
            Map.entry("POST /api/admin/festivals/{organization}/ceremonies/{year}/import", Map.of(
                    "404", "Unknown festival (only AMPAS), or no ceremony held that year.",
                    "502", "oscars.org answered with a page that is not a ceremony's; nothing was recorded.",
                    "503", "oscars.org unavailable.")),
            Map.entry("POST /api/admin/festivals/{organization}/ceremonies/import", Map.of(
                    "404", "Unknown festival (only AMPAS).",
                    "409", "A range of ceremonies is being read already.")),
            Map.entry("POST /api/admin/imports/years/{year}", Map.of("409", "The year is being imported already.")),
            Map.entry("POST /api/admin/imports/next", Map.of("409", "A year import or a delta sync is running.")),
            Map.entry("POST /api/admin/sync/changes", Map.of("409", "A delta sync is running already.")),
            Map.entry("POST /api/admin/tmdb-total/refresh", Map.of(
                    "500", "TMDb answered, but not with its total; or the total could not be recorded. Logged.",
                    "502", "TMDb refused the credentials.",
                    "503", "TMDb unavailable: asking again later may help.")),
            Map.entry("POST /api/admin/catalogue/sweep", Map.of("409", "A sweep of TMDb's export is running.")),
            Map.entry("POST /api/admin/imports/priority", Map.of(
                    "409", "A year named is completed: nothing was recorded.",
                    "413", "The body is over 4096 bytes.")),
            Map.entry("POST /api/admin/lists/{key}", Map.of(
                    "409", "The list's members are being looked up, or another upload of it came at the same moment.",
                    "413", "The upload is over 10 MB.")),
            Map.entry("POST /api/admin/failures/retry", Map.of(
                    "404", "No failure of the source with this subject is recorded.",
                    "409", "Failures are being retried already.")),
            Map.entry("POST /api/admin/projections/{name}/replay", Map.of(
                    "404", "No projection of that name.",
                    "409", "The projection is being replayed already.")),
            Map.entry("POST /api/admin/projections/replay",
                    Map.of("409", "Every projection is being replayed already.")),
            Map.entry("POST /api/admin/projections/{name}/dead-letters/retry", Map.of(
                    "404", "No projection of that name.",
                    "409", "The projection is being replayed, or its dead letters are being retried already.")));

    /** What an admin's state-changing request carries when a browser sends it ({@link HeaderOnlyCsrfTokens}). */
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    static {
        // The dashboard's token, handed to the session endpoint by Spring Security: no parameter of the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
    }

    @Bean
    OpenAPI cinegraphOpenApi() {
        return new OpenAPI()
                .servers(List.of(new Server().url("/").description("This node")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User admin and the password of cinegraph.admin.password."))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(CSRF_HEADER)
                                .description("Needed only on a state-changing request a browser sends (Swagger UI's "
                                        + "among them): the csrf.token of GET /api/admin/session. Scripts such as "
                                        + "curl send none.")));
    }

    @Bean
    OpenApiCustomizer cinegraphOperations(WebInvocationPrivilegeEvaluator privileges) {
        return openApi -> {
            documentProbes(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> complete(path, method, operation, privileges)));
            documentBodies(openApi);
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation,
                                 WebInvocationPrivilegeEvaluator privileges) {
        String key = method + " " + path;
        boolean stateChanging = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean admin = !privileges.isAllowed("", example(path), method.name(), anonymous());
        ApiResponses responses = operation.getResponses();
        if (admin && stateChanging && path.startsWith("/api/admin/")) {
            accepted(responses);
            problem(responses, "415", "A body of a content type the action does not take (or any body, for an "
                    + "action that takes none).");
        }
        problem(responses, "400", "A malformed request: a parameter of the wrong type or out of its range, or "
                + "characters no parameter takes.");
        if (admin) {
            operation.setSecurity(stateChanging
                    ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BASIC)
                            .addList(CSRF))
                    : List.of(new SecurityRequirement().addList(BASIC)));
            problem(responses, "401", "No credentials, or not the admin's.");
            problem(responses, "429", "Too many failed admin logins from this address: its credentials are not "
                    + "checked until Retry-After has passed.");
            if (stateChanging) {
                problem(responses, "403", "A browser sent the request without the CSRF token (header " + CSRF_HEADER
                        + ").");
            }
        }
        PROBLEMS.getOrDefault(key, Map.of()).forEach((status, description) -> problem(responses, status, description));
        if (path.startsWith("/api/") && !READ_NO_TABLE.contains(key)) {
            ApiResponse unavailable = responses.get("503");
            problem(responses, "503", unavailable == null ? TABLE_MISSING
                    : unavailable.getDescription() + " Or: " + TABLE_MISSING);
        }
        operation.setResponses(sorted(responses));
    }

    /** Every admin action answers 202 (its work goes on, or is recorded to go on), with where to follow it. */
    private static void accepted(ApiResponses responses) {
        ApiResponse ok = responses.remove("200");
        if (ok != null) {
            responses.addApiResponse("202", ok.description("Accepted")
                    .addHeaderObject(HttpHeaders.LOCATION, new Header().description("Where to follow what it started.")
                            .schema(new StringSchema())));
        }
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/" + PROBLEM)))));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    /**
     * The health's 503 (a component {@code DOWN}), and its probes, which springdoc does not list: served by the health
     * endpoint under its own path, they answer as it does.
     */
    private static void documentProbes(OpenAPI openApi) {
        PathItem health = openApi.getPaths().get("/actuator/health");
        if (health == null || health.getGet() == null) {
            return;
        }
        Operation whole = health.getGet();
        ApiResponse up = whole.getResponses().get("200");
        whole.getResponses().addApiResponse("503", new ApiResponse().description("A component is DOWN (the import's "
                + "health an error, or the database unreachable)").content(up.getContent()));
        for (String probe : List.of("liveness", "readiness")) {
            openApi.getPaths().addPathItem("/actuator/health/" + probe, new PathItem().get(new Operation()
                    .operationId("health-" + probe).tags(whole.getTags())
                    .summary("The " + probe + " probe (without the import's health)")
                    .responses(new ApiResponses()
                            .addApiResponse("200", new ApiResponse().description("UP").content(up.getContent()))
                            .addApiResponse("503", new ApiResponse().description("DOWN")
                                    .content(up.getContent())))));
        }
    }

    /**
     * The bodies of the actions that read their request themselves, to check it to the byte (and say what was
     * wrong), where springdoc sees no parameter.
     */
    private static void documentBodies(OpenAPI openApi) {
        // Both actions are the command role's: a node with the query role only serves neither.
        Optional.ofNullable(openApi.getPaths().get("/api/admin/imports/priority")).map(PathItem::getPost)
                .ifPresent(OpenApiConfiguration::documentPriorityBody);
        Optional.ofNullable(openApi.getPaths().get("/api/admin/lists/{key}")).map(PathItem::getPost)
                .ifPresent(OpenApiConfiguration::documentListBody);
    }

    private static void documentPriorityBody(Operation priority) {
        priority.requestBody(new RequestBody().required(true)
                .description("The years the pass takes first, in order, replacing the priority in force; an empty "
                        + "array clears it. At most 50 years of the range, none completed, each once.")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema().addRequiredItem("years")
                                .addProperty("years", new ArraySchema().items(new IntegerSchema())
                                        .maxItems(50)))
                                .example(Map.of("years", List.of(2019, 1999))))));
    }

    private static void documentListBody(Operation list) {
        RequestBody upload = list.getRequestBody();
        upload.required(true).description("An IMDb list export (CSV with a Const column of IMDb ids, at most 10 MB): "
                + "the body itself, or the file of a form.");
        upload.getContent().addMediaType("text/csv", new MediaType().schema(new StringSchema())
                .example("Const,Title,Year\ntt0111161,The Shawshank Redemption,1994\n"));
    }

    /** RFC 9457's members, as every error of the API answers them. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail.")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request parameter"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("What went wrong and what to do."))
                .addProperty("instance", new StringSchema().format("uri").description("The path asked for."))
                .addRequiredItem("status");
    }

    /** A URL the template matches: {@code /api/admin/tables/x/rebuild} for {@code /api/admin/tables/{name}/rebuild}. */
    private static String example(String path) {
        return path.replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("openapi", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }
}
