package org.cinegraph.query.movies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.cinegraph.query.testing.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns the movies projection takes from a TMDb record in Java are those PostgreSQL gave when it took them
 * from the record as {@code jsonb} ({@code (data ->> 'field')::type}), and a record PostgreSQL could not cast
 * fails here too.
 */
class RecordColumnsTest {

    private final JdbcClient jdbc = ProjectionDatabase.jdbc();

    @ParameterizedTest
    @ValueSource(strings = {
        // As TMDb sends them, nested objects holding fields of the same names that must not count.
        """
        {"adult":false,"belongs_to_collection":{"id":1,"runtime":9,"popularity":1.5,"original_language":"xx"},
         "genres":[{"id":18,"name":"Drama","vote_count":3}],"id":550,"original_language":"en","popularity":61.416,
         "release_date":"1999-10-15","runtime":139,"title":"Fight Club","vote_average":8.4,"vote_count":26280,
         "credits":{"cast":[{"popularity":20.1,"runtime":[1,{"a":"}"}]}]}}""",
        "{\"popularity\":0,\"vote_count\":0,\"runtime\":0,\"original_language\":\"\"}",
        "{\"popularity\":null,\"vote_count\":null,\"runtime\":null,\"original_language\":null}",
        "{\"id\":1}",
        "{}",
        // JSON, but no object: none of the fields.
        "[]", "\"record\"", "null", "[{\"runtime\":1}]",
        // Numbers as PostgreSQL's numeric reads them: exponents, trailing zeros, many digits, negatives.
        "{\"popularity\":1e2,\"vote_count\":1E2,\"runtime\":1.0e2,\"original_language\":\"en\"}",
        "{\"popularity\":0.1000000000000000055511151231257827,\"vote_count\":-3,\"runtime\":2147483647}",
        "{\"popularity\":123456789012345678901234567890,\"vote_count\":-2147483648}",
        "{\"popularity\":-0.0,\"runtime\":0e5}",
        // Strings that hold numbers, a number or a boolean for the language.
        "{\"popularity\":\" 7.5 \",\"vote_count\":\"42\",\"runtime\":\"-7\",\"original_language\":12}",
        "{\"original_language\":true}",
        // Escapes, and the last of duplicated fields, even after a value that could not be cast.
        "{\"original_language\":\"\\u0065n\",\"runtime\":1,\"runtime\":2,\"popularity\":1,\"popularity\":null}",
        "{\"runtime\":\"long\",\"runtime\":5,\"vote_count\":[1],\"vote_count\":7}",
        // Strings PostgreSQL's float8 reads; a backslash before u0000 that is only text.
        "{\"popularity\":\"Infinity\",\"title\":\"a\\\\u0000b\"}",
        "{\"popularity\":\" -inf\"}",
        "{\"popularity\":1e-310}"
    })
    void takesTheValuesPostgreSqlTookFromTheRecord(String record) {
        assertThat(RecordColumns.of(7, record)).isEqualTo(postgres(record).orElseThrow());
    }

    @Test
    void aNumberLongerThanJacksonTakesByDefaultIsRead() {
        String record = "{\"popularity\":1" + "0".repeat(1_200) + "e-1190}";
        assertThat(RecordColumns.of(7, record)).isEqualTo(postgres(record).orElseThrow())
                .extracting(RecordColumns::popularity).isEqualTo(1e10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"runtime\":120.5}",
        "{\"runtime\":120.0}",
        "{\"vote_count\":2147483648}",
        "{\"vote_count\":\"many\"}",
        "{\"runtime\":[120]}",
        "{\"popularity\":{\"value\":1}}",
        "{\"popularity\":\"high\"}",
        "{\"popularity\":1e400}",
        "{\"popularity\":1e-400}",
        "{\"popularity\":\"1.5d\"}",
        "{\"popularity\":true}",
        // U+0000, which json stores and jsonb, which the API reads the record through, cannot hold.
        "{\"title\":\"a\\u0000b\"}",
        "{\"a\\u0000\":1}"
    })
    void failsWherePostgreSqlCouldNotCast(String record) {
        assertThat(postgres(record)).as("PostgreSQL cannot cast it either").isEmpty();
        assertThatThrownBy(() -> RecordColumns.of(7, record)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("movie 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"runtime\":", "{\"runtime\" 1}", "", "{} {}", "[] x",
        "{\"original_language\":[\"en\"]}"})
    void aRecordThatIsNoJsonOrHoldsNoLanguageFails(String record) {
        assertThatThrownBy(() -> RecordColumns.of(7, record)).hasMessageContaining("movie 7");
    }

    /** The columns as the projection's SQL took them from the record before; empty when PostgreSQL fails. */
    private Optional<RecordColumns> postgres(String record) {
        try {
            List<RecordColumns> columns = jdbc.sql("""
                            SELECT (data ->> 'popularity')::double precision AS popularity,
                                   (data ->> 'vote_count')::int AS vote_count, (data ->> 'runtime')::int AS runtime,
                                   data ->> 'original_language' AS original_language
                              FROM (SELECT CAST(:record AS jsonb) AS data) AS parsed""")
                    .param("record", record)
                    .query((rs, row) -> new RecordColumns((Double) rs.getObject("popularity"),
                            (Integer) rs.getObject("vote_count"), (Integer) rs.getObject("runtime"),
                            rs.getString("original_language")))
                    .list();
            return Optional.of(columns.get(0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
