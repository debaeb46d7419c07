package org.cinegraph.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * What the benchmarks' smoke tests hold every report to: its figures are figures. A rate of a run that measured
 * nothing is 0, and one divided by a zero time is infinite or NaN (which Jackson writes as the strings "NaN" and
 * "Infinity"); a report can be well formed and still say nothing. So every number in it must be finite and more
 * than zero, unless it is one of the few where zero is an answer (no 429s, no errors), and no string may be a
 * number that is not one. Softly, so that a failure lists every figure that is not one.
 */
final class ReportFigures {

    /** Whether this machine has /proc/self/status, where the JVM's resident set is read from (Linux). */
    static final boolean LINUX = Files.isReadable(Path.of("/proc/self/status"));

    private ReportFigures() {
    }

    /**
     * @param mayBeZero patterns of the JSON pointers (array indexes as digits) whose numbers may be zero: they
     *                  count what need not happen, as errors; every other number must be more than zero
     */
    static void assertFigures(SoftAssertions softly, JsonNode report, String... mayBeZero) {
        List<Pattern> zeroAllowed = Arrays.stream(mayBeZero).map(Pattern::compile).toList();
        walk(report, "", (pointer, value) -> {
            if (value.isNumber()) {
                double number = value.asDouble();
                softly.assertThat(Double.isFinite(number)).as("%s = %s is finite", pointer, value).isTrue();
                if (zeroAllowed.stream().anyMatch(pattern -> pattern.matcher(pointer).matches())) {
                    softly.assertThat(number).as(pointer).isGreaterThanOrEqualTo(0);
                } else {
                    softly.assertThat(number).as(pointer + ", a measurement that is meaningless at 0").isPositive();
                }
            } else if (value.isTextual()) {
                softly.assertThat(value.asText()).as(pointer).isNotIn("NaN", "Infinity", "-Infinity");
            }
        });
    }

    /** The figures at {@code pointers} are there, as numbers (not null, not missing). */
    static void assertPresent(SoftAssertions softly, JsonNode report, String... pointers) {
        for (String pointer : pointers) {
            softly.assertThat(report.at(pointer).isNumber()).as(pointer + " is a number").isTrue();
        }
    }

    private interface Leaf {
        void check(String pointer, JsonNode value);
    }

    private static void walk(JsonNode node, String pointer, Leaf leaf) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                walk(field.getValue(), pointer + "/" + field.getKey(), leaf);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, leaf);
            }
        } else {
            leaf.check(pointer, node);
        }
    }
}
