package org.cinegraph.query.movies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The columns of {@code movies} taken from a movie's TMDb record: popularity, vote count, runtime and original
 * language. Read here, in one streaming pass over the record's top-level fields (nested ones are skipped, not
 * built), so that PostgreSQL only stores the record ({@code json}: checked, not decomposed) instead of parsing it
 * into {@code jsonb} to extract four fields.
 *
 * <p>A value reads as {@code (record ->> 'field')::type} read it when the column was filled in SQL: a field that
 * is missing or {@code null} is null; of duplicated fields the last counts; a number is taken as PostgreSQL's
 * {@code numeric} would give it ({@code 1e2} is the integer 100, {@code 120.0} is no integer); a string holding a
 * number is that number; JSON that is no object has none of the fields. A value PostgreSQL could not have cast (a
 * runtime of {@code "long"} or {@code 120.5}, a vote count beyond an {@code int}) fails the event, as the cast did:
 * the projection's dead letters say which movie and field. One difference is knowingly kept: an array or object
 * for the language fails here, where PostgreSQL stored its JSON text as the language.
 *
 * @param popularity TMDb's popularity, or null
 * @param voteCount the votes counted, or null
 * @param runtime minutes, or null
 * @param originalLanguage an ISO 639-1 code, or null
 */
record RecordColumns(Double popularity, Integer voteCount, Integer runtime, String originalLanguage) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The columns of {@code record}, a TMDb movie as JSON text. */
    static RecordColumns of(int tmdbId, String record) {
        Double popularity = null;
        Integer voteCount = null;
        Integer runtime = null;
        String originalLanguage = null;
        try (JsonParser parser = JSON.createParser(record)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new IllegalArgumentException("The TMDb record of movie " + tmdbId + " is empty");
            }
            if (root == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "popularity" -> popularity = real(tmdbId, field, parser, value);
                        case "vote_count" -> voteCount = integer(tmdbId, field, parser, value);
                        case "runtime" -> runtime = integer(tmdbId, field, parser, value);
                        case "original_language" -> originalLanguage = text(tmdbId, field, parser, value);
                        default -> parser.skipChildren();
                    }
                }
            } else {
                // JSON, but no object: it has none of the fields, as ->> found none.
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("The TMDb record of movie " + tmdbId + " goes on after its JSON");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The TMDb record of movie " + tmdbId + " is not JSON", e);
        }
        return new RecordColumns(popularity, voteCount, runtime, originalLanguage);
    }

    private static Double real(int tmdbId, String field, JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            // PostgreSQL's numeric has no negative zero: -0.0 in JSON read 0.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> finite(tmdbId, field, parser.getText(),
                    parser.getDoubleValue() + 0.0);
            case VALUE_STRING -> {
                try {
                    yield finite(tmdbId, field, parser.getText(), Double.parseDouble(parser.getText().strip()));
                } catch (NumberFormatException e) {
                    throw notA("a number", tmdbId, field, parser.getText());
                }
            }
            default -> throw notA("a number", tmdbId, field, skipped(parser));
        };
    }

    private static Double finite(int tmdbId, String field, String text, double value) {
        if (Double.isInfinite(value)) {
            throw notA("a double precision number", tmdbId, field, text);
        }
        return value;
    }

    private static Integer integer(int tmdbId, String field, JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> integer(tmdbId, field, parser.getText(),
                    parser.getDecimalValue());
            case VALUE_STRING -> {
                try {
                    yield Integer.parseInt(parser.getText().strip());
                } catch (NumberFormatException e) {
                    throw notA("an integer", tmdbId, field, parser.getText());
                }
            }
            default -> throw notA("an integer", tmdbId, field, skipped(parser));
        };
    }

    /** As PostgreSQL's numeric gives the number as text for an int: digits after the point (120.0) are no int. */
    private static Integer integer(int tmdbId, String field, String text, BigDecimal number) {
        if (number.scale() > 0) {
            throw notA("an integer", tmdbId, field, text);
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw notA("an integer", tmdbId, field, text);
        }
    }

    private static String text(int tmdbId, String field, JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> throw notA("a string", tmdbId, field, skipped(parser));
        };
    }

    private static String skipped(JsonParser parser) throws IOException {
        String kind = parser.currentToken() == JsonToken.START_ARRAY ? "an array" : "an object";
        parser.skipChildren();
        return kind;
    }

    private static IllegalArgumentException notA(String kind, int tmdbId, String field, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new IllegalArgumentException("The TMDb record of movie " + tmdbId + " has " + field + " " + shown
                + ", not " + kind);
    }
}
