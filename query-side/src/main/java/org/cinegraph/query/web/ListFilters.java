package org.cinegraph.query.web;

import static org.cinegraph.kernel.problems.Problems.invalidParameter;

import java.time.Clock;
import java.util.Optional;
import org.cinegraph.kernel.settings.ImportYears;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of a list request, as specifications of the rows it lists. User input only ever travels as a bound
 * parameter; a filter not asked for keeps every row.
 */
public final class ListFilters {

    /**
     * Escapes {@code %} and {@code _} in a title search, and itself. Not the backslash, PostgreSQL's default: with
     * another escape character a backslash is a character of a title like any other, in JPQL and SQL alike.
     */
    public static final char ESCAPE = '!';

    private ListFilters() {
    }

    /** The rows whose {@code attribute} equals {@code value}, when given. */
    public static <T> Specification<T> equal(String attribute, Object value) {
        return value == null ? Specification.unrestricted()
                : (row, query, where) -> where.equal(row.get(attribute), value);
    }

    /** The rows of {@code year}, when given; a year TMDb cannot hold is a 400. */
    public static <T> Specification<T> year(Integer year, Clock clock) {
        return equal("year", year == null ? null : ImportYears.requireImportable(year, clock));
    }

    /** The rows whose {@code title} contains {@code q}, ignoring case: see {@link #titlePattern}. */
    public static <T> Specification<T> titleContains(String q, int maxLength) {
        return titlePattern(q, maxLength).<Specification<T>>map(pattern -> (row, query, where) ->
                ((HibernateCriteriaBuilder) where).ilike(row.get("title"), pattern, ESCAPE))
                .orElse(Specification.unrestricted());
    }

    /**
     * A filter that keeps the rows that are, or are not, what {@code name} says: {@code true} or {@code false};
     * absent or blank, no filter (null). Anything else is a 400, like a criterion or a status no row has.
     */
    public static Boolean yesOrNo(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalidParameter(name + " must be true or false.");
        };
    }

    /**
     * The ILIKE pattern (escaped with {@link #ESCAPE}) of the titles that contain {@code q} anywhere, ignoring case.
     * {@code %}, {@code _} and {@code \} are characters of a title like any other, not patterns. Empty for a blank
     * {@code q}, which keeps every row; one longer than {@code maxLength}, or holding a NUL character, is a 400.
     */
    public static Optional<String> titlePattern(String q, int maxLength) {
        if (q == null || q.isBlank()) {
            return Optional.empty();
        }
        if (q.length() > maxLength) {
            throw invalidParameter("q is longer than " + maxLength + " characters.");
        }
        // PostgreSQL's text cannot hold a NUL: it refuses the whole query rather than match nothing.
        if (q.indexOf('\0') >= 0) {
            throw invalidParameter("q cannot hold a NUL character.");
        }
        String escape = String.valueOf(ESCAPE);
        String literal = q.strip().replace(escape, escape + escape).replace("%", escape + "%")
                .replace("_", escape + "_");
        return Optional.of("%" + literal + "%");
    }
}
