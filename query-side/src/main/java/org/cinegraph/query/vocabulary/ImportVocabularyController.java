package org.cinegraph.query.vocabulary;

import java.util.List;
import org.cinegraph.events.ImportSource;
import org.cinegraph.events.MovieImportFailed;
import org.cinegraph.events.QualityCriteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/import/vocabulary}: the values the filters of skipped movies and failures take, read from the lists
 * the API checks them against, so that a client offers exactly those and keeps no copy of its own.
 */
@RestController
class ImportVocabularyController {

    private static final ImportVocabulary VOCABULARY = new ImportVocabulary(QualityCriteria.ALL,
            MovieImportFailed.REASONS, ImportSource.FIXED.stream().map(ImportSource::value).toList());

    @GetMapping("/api/import/vocabulary")
    ImportVocabulary vocabulary() {
        return VOCABULARY;
    }

    /**
     * @param criteria what the quality filter checks: the {@code criterion} of {@code /api/import/skipped}
     * @param failureReasons why a movie, a ceremony, a nomination or a list member failed: the {@code reason} of
     *                       {@code /api/import/failures}
     * @param sources the sources there always are, which the {@code source} of {@code /api/import/failures} takes
     *                besides a list's, {@code list:{key}}
     */
    record ImportVocabulary(List<String> criteria, List<String> failureReasons, List<String> sources) {
    }
}
