package org.cinegraph.command.schedule;

import static org.cinegraph.kernel.problems.Problems.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinegraph.kernel.settings.ImportRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/imports/priority}: the years the pass takes first, in the admin's order, replacing the
 * priority in force ({@link PriorityYears}). Only years of the range the pass imports, none completed; the body read
 * whole and checked by hand, so that every refusal says what was wrong.
 */
@RestController
record PriorityAdminController(PriorityYears priority, ImportRange range) {

    /** More than a pass could want first, and few enough to read at a glance. */
    static final int MAX_YEARS = 50;
    /** Far more than fifty years take, however spaced. */
    static final int MAX_BYTES = 4096;
    private static final String EXAMPLE = "{\"years\": [2019, 1999]}";
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** {@code application/json} only: nothing a form on another site can send unasked. */
    @PostMapping(value = "/api/admin/imports/priority", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    PriorityYears.Prioritized prioritize(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        List<Integer> years = years(body);
        try {
            return priority.prioritize(years);
        } catch (PriorityYears.CompletedYearsException e) {
            String named = e.years().stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw problem(HttpStatus.CONFLICT, "Year already imported", (e.years().size() == 1 ? named + " is"
                    : named + " are") + " completed, and the pass imports each year once: nothing was recorded. "
                    + "POST /api/admin/imports/years/{year} imports a year again.", e);
        }
    }

    /** The years of the body, each checked: in the range, once. */
    private List<Integer> years(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("The body is not valid JSON (one object, each field once); it is an object such as "
                    + EXAMPLE + ".", e);
        } catch (IOException e) {
            throw invalid("The body could not be read as JSON; it is an object such as " + EXAMPLE + ".", e);
        }
        if (json == null || !json.isObject()) {
            throw invalid("The body is an object such as " + EXAMPLE + ".", null);
        }
        for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
            if (!"years".equals(fields.next())) {
                throw invalid("The body holds only \"years\", as in " + EXAMPLE + ".", null);
            }
        }
        JsonNode array = json.get("years");
        if (array == null || !array.isArray()) {
            throw invalid("\"years\" is an array of years, as in " + EXAMPLE + "; an empty one clears the priority.",
                    null);
        }
        if (array.size() > MAX_YEARS) {
            throw invalid("At most " + MAX_YEARS + " years can go first; the body names " + array.size() + ".", null);
        }
        List<Integer> years = new ArrayList<>(array.size());
        Set<Integer> seen = new HashSet<>();
        for (int index = 0; index < array.size(); index++) {
            JsonNode element = array.get(index);
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw invalid("Element " + (index + 1) + " of \"years\" is not a year: each is an integer such as "
                        + "2019.", null);
            }
            int year = element.intValue();
            if (!range.contains(year)) {
                throw invalid("Year " + year + " is outside the range the pass imports, " + range.firstYear()
                        + " down to " + range.lastYear() + " (cinegraph.import.first-year and last-year): only a "
                        + "year of the range can go first.", null);
            }
            if (!seen.add(year)) {
                throw invalid("Year " + year + " is named twice; each year goes once, at its place.", null);
            }
            years.add(year);
        }
        return years;
    }

    private static ErrorResponseException invalid(String detail, Exception cause) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid priority", detail, cause);
    }

    private static ErrorResponseException tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Priority too large", "The body is at most " + MAX_BYTES
                + " bytes here: " + MAX_YEARS + " years, as in " + EXAMPLE + ", take far less.");
    }
}
