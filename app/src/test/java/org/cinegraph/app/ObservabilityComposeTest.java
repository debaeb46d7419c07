package org.cinegraph.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's {@code observability} profile, read as Compose reads it (no Docker engine runs here): its
 * Prometheus scrapes the app's service at the port and path the application serves its metrics on, and its Grafana is
 * provisioned with that Prometheus and with docs/grafana-dashboard.json.
 */
class ObservabilityComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final String PROFILE = "observability";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode services = read(ROOT.resolve("docker-compose.yml")).get("services");

    @Test
    void prometheusAndGrafanaRunOnlyInTheObservabilityProfileOnPinnedImages() {
        for (String service : List.of("prometheus", "grafana")) {
            JsonNode definition = services.get(service);
            assertThat(definition).as(service).isNotNull();
            assertThat(definition.get("profiles")).as(service).extracting(JsonNode::asText)
                    .containsExactly(PROFILE);
            assertThat(definition.get("image").asText()).as(service).matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
        }
        assertThat(services.get("app").has("profiles")).as("the app runs in every profile").isFalse();
        assertThat(services.get("postgres").has("profiles")).isFalse();
    }

    @Test
    void prometheusScrapesTheAppsMetricsEndpointOnItsPort() throws IOException {
        Map<String, Path> mounts = mounts("prometheus");
        JsonNode prometheus = read(mounts.get("/etc/prometheus/prometheus.yml"));
        JsonNode application = read(ROOT.resolve("app/src/main/resources/application.yml"));
        int port = application.at("/server/port").asInt();
        String basePath = application.at("/management/endpoints/web/base-path").asText("/actuator");

        JsonNode scrape = prometheus.get("scrape_configs").get(0);

        assertThat(application.at("/management/endpoints/web/exposure/include").asText()).contains("prometheus");
        assertThat(scrape.get("metrics_path").asText()).isEqualTo(basePath + "/prometheus");
        assertThat(scrape.at("/static_configs/0/targets").get(0).asText()).isEqualTo("app:" + port);
        assertThat(services.get("app").get("ports")).extracting(JsonNode::asText)
                .anyMatch(published -> published.endsWith(":" + port));
    }

    @Test
    void grafanaIsProvisionedWithThatPrometheusAndTheDashboard() throws IOException {
        Map<String, Path> mounts = mounts("grafana");
        Path datasources = mount(mounts, "/etc/grafana/provisioning/datasources/");
        Path providers = mount(mounts, "/etc/grafana/provisioning/dashboards/");

        JsonNode datasource = read(datasources).get("datasources").get(0);
        assertThat(datasource.get("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.get("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(services.get("prometheus").get("ports")).extracting(JsonNode::asText)
                .anyMatch(published -> published.endsWith(":9090"));

        String dashboards = read(providers).at("/providers/0/options/path").asText();
        Path dashboard = mount(mounts, dashboards + "/");
        assertThat(dashboard.normalize()).isEqualTo(ROOT.resolve("docs/grafana-dashboard.json").normalize());
        JsonNode json = new ObjectMapper().readTree(dashboard.toFile());
        assertThat(json.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(json.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
        assertThat(json.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    }

    /** The service's bind mounts: the file in the container, and the file of this repository mounted there. */
    private Map<String, Path> mounts(String service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (JsonNode volume : services.get(service).get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith("./")) {
                Path source = ROOT.resolve(parts[0]);
                assertThat(source).as(volume.asText()).isRegularFile();
                mounts.put(parts[1], source);
            }
        }
        return mounts;
    }

    /** The one file mounted in {@code directory}. */
    private static Path mount(Map<String, Path> mounts, String directory) {
        List<Path> found = new ArrayList<>();
        mounts.forEach((target, source) -> {
            if (target.startsWith(directory) && !target.substring(directory.length()).contains("/")) {
                found.add(source);
            }
        });
        assertThat(found).as("mounted in " + directory).hasSize(1);
        return found.get(0);
    }

    private static JsonNode read(Path file) {
        assertThat(file).isNotNull();
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("Reading " + file, e);
        }
    }
}
