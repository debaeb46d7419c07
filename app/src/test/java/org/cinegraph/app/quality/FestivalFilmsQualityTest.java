package org.cinegraph.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.cinegraph.command.quality.QualityFilter;
import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;
import org.cinegraph.sandbox.tmdb.MovieDetailsJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every nominated film the sandbox knows passes the importer's quality filter, judged by the filter itself as the
 * application configures it (its defaults and {@code application.yml}) on the record the sandbox serves for it,
 * not by thresholds copied into a test: sandbox mode matches nominations to these films, and a film the filter
 * skipped would leave its nomination without a movie.
 */
class FestivalFilmsQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(QualityConfiguration.class);

    @Test
    void everyKnownFilmPassesEveryCriterionOfTheConfiguredQualityFilter() {
        SandboxCatalogue catalogue = SandboxCatalogue.defaultCatalogue(2025);
        List<SandboxMovie> films = catalogue.nominatedFilms();
        assertThat(films).hasSizeGreaterThan(4_500);

        application.run(context -> {
            QualityFilter quality = context.getBean(QualityFilter.class);
            assertThat(films).allSatisfy(film -> {
                QualityFilter.Verdict verdict = quality.judge(record(catalogue, film));
                // Every criterion, not only enough of them: the film passes whatever min-criteria is set to.
                assertThat(verdict.failedNames()).as(film.imdbId() + " " + film.title()).isEmpty();
                assertThat(verdict.passes()).isTrue();
            });
        });
    }

    private static JsonNode record(SandboxCatalogue catalogue, SandboxMovie film) {
        try {
            return JSON.readTree(MovieDetailsJson.withEverySection(catalogue, film));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
