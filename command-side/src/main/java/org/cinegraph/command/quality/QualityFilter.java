package org.cinegraph.command.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Decides whether a movie's TMDb record is good enough for a full import, and if not, why. */
public final class QualityFilter {

    private final QualityRules rules;

    public QualityFilter(QualityRules rules) {
        this.rules = rules;
    }

    public Verdict judge(JsonNode movie) {
        List<QualityCriterion> failed = new ArrayList<>();
        for (QualityCriterion criterion : QualityCriterion.values()) {
            if (!criterion.passes(movie, rules)) {
                failed.add(criterion);
            }
        }
        int passed = QualityCriterion.values().length - failed.size();
        return new Verdict(passed >= rules.minCriteria(), List.copyOf(failed));
    }

    /** {@code failed} lists every criterion the movie failed, also when it passes overall. */
    public record Verdict(boolean passes, List<QualityCriterion> failed) {

        public List<String> failedNames() {
            return failed.stream().map(QualityCriterion::apiName).toList();
        }
    }
}
