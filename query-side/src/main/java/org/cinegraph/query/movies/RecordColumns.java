package org.cinegraph.query.movies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

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
 * runtime of {@code "long"} or {@code 120.5}, a vote count beyond an {@code int}, a popularity beyond a double)
 * fails the event, as the cast did: the projection's dead letters say which movie and field. So does a record
 * holding the character U+0000 ({@code \u0000}), which {@code json} would store but {@code jsonb}, which the API
 * reads the record through, cannot hold. Knowingly different, for values TMDb does not send: an array or object
 * for the language fails here, where PostgreSQL stored its JSON text; a string number in a form only PostgreSQL
 * 16 reads ({@code "1_000"}, {@code "0x1A"}) fails here too.
 *
 * @param popularity TMDb's popularity, or null
 * @param voteCount the votes counted, or null
 * @param runtime minutes, or null
 * @param originalLanguage an ISO 639-1 code, or null
 */
record RecordColumns(Double popularity, Integer voteCount, Integer runtime, String originalLanguage) {

    /** Numbers as long as PostgreSQL's numeric takes them, not Jackson's default of 1,000 digits. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();
    /** A double in a string, as PostgreSQL's float8 input reads it (surrounding spaces allowed). */
    private static final Pattern DOUBLE = Pattern.compile(
            "\\s*[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:infinity|inf|nan))\\s*");
    /** An integer in a string, as PostgreSQL's int4 input reads it. */
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");

    /** The columns of {@code record}, a TMDb movie as JSON text. */
    static RecordColumns of(int tmdbId, String record) {
        Value popularity = Value.MISSING;
        Value voteCount = Value.MISSING;
        Value runtime = Value.MISSING;
        Value originalLanguage = Value.MISSING;
        try (JsonParser parser = JSON.createParser(record)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new IllegalArgumentException("The TMDb record of movie " + tmdbId + " is empty");
            }
            if (root == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    // The last of duplicated fields counts, as in jsonb: each is only noted here, read after.
                    switch (field) {
                        case "popularity" -> popularity = Value.of(parser);
                        case "vote_count" -> voteCount = Value.of(parser);
                        case "runtime" -> runtime = Value.of(parser);
                        case "original_language" -> originalLanguage = Value.of(parser);
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
        if (record.contains("\\u0000") && holdsNul(record)) {
            throw new IllegalArgumentException("The TMDb record of movie " + tmdbId + " holds the character U+0000,"
                    + " which PostgreSQL's jsonb cannot hold");
        }
        return new RecordColumns(popularity.real(tmdbId, "popularity"), voteCount.integer(tmdbId, "vote_count"),
                runtime.integer(tmdbId, "runtime"), originalLanguage.text(tmdbId, "original_language"));
    }

    /** Whether a string or a name of the record, unescaped, holds U+0000 (not merely the text {@code \\u0000}). */
    private static boolean holdsNul(String record) {
        try (JsonParser parser = JSON.createParser(record)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                        && parser.getText().indexOf('\0') >= 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field's value as read: its kind and its text (a nested value is only its kind). */
    private record Value(JsonToken token, String text) {

        static final Value MISSING = new Value(JsonToken.VALUE_NULL, null);

        static Value of(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
                return new Value(token, null);
            }
            return new Value(token, parser.getText());
        }

        Double real(int tmdbId, String field) {
            return switch (token) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    double value = Double.parseDouble(text);
                    if (Double.isInfinite(value) || value == 0 && new BigDecimal(text).signum() != 0) {
                        throw notA("a double precision number", tmdbId, field);
                    }
                    // PostgreSQL's numeric has no negative zero: -0.0 in JSON read 0.
                    yield value + 0.0;
                }
                case VALUE_STRING -> {
                    if (!DOUBLE.matcher(text).matches()) {
                        throw notA("a number", tmdbId, field);
                    }
                    String number = text.strip().toLowerCase(Locale.ROOT).replace("infinity", "inf")
                            .replace("inf", "Infinity").replace("nan", "NaN");
                    yield Double.parseDouble(number);
                }
                default -> throw notA("a number", tmdbId, field);
            };
        }

        Integer integer(int tmdbId, String field) {
            return switch (token) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    // As numeric gives the number as text for an int: digits after the point (120.0) are no int.
                    BigDecimal number = new BigDecimal(text);
                    if (number.scale() > 0) {
                        throw notA("an integer", tmdbId, field);
                    }
                    try {
                        yield number.intValueExact();
                    } catch (ArithmeticException e) {
                        throw notA("an integer", tmdbId, field);
                    }
                }
                case VALUE_STRING -> {
                    if (!INTEGER.matcher(text).matches()) {
                        throw notA("an integer", tmdbId, field);
                    }
                    try {
                        yield Integer.parseInt(text.strip());
                    } catch (NumberFormatException e) {
                        throw notA("an integer", tmdbId, field);
                    }
                }
                default -> throw notA("an integer", tmdbId, field);
            };
        }

        String text(int tmdbId, String field) {
            return switch (token) {
                case VALUE_NULL -> null;
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> text;
                default -> throw notA("a string", tmdbId, field);
            };
        }

        private IllegalArgumentException notA(String kind, int tmdbId, String field) {
            String shown = switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                default -> text.length() > 40 ? text.substring(0, 40) + "…" : text;
            };
            return new IllegalArgumentException("The TMDb record of movie " + tmdbId + " has " + field + " " + shown
                    + ", not " + kind);
        }
    }
}
