package org.cinegraph.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which raw paths and queries hold text every parameter can take, and which do not. */
class UrlCharactersFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"q=Am%C3%A9lie", "q=%E2%82%AC+5", "q=%25_%5C", "q=caf%c3%a9", "q=a+b&year=2024", "q=",
            "q=%27%3B--", "q=%F0%9F%8E%AC"})
    void textIsLetThrough(String query) {
        assertThat(UrlCharactersFilter.problem(query, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%00", "q=a%00b", "q=%C0%80", "q=%C3%28", "q=%FF", "q=%ED%A0%80", "q=%F4%90%80%80",
            "q=%E2%82", "q=%", "q=%2", "q=%zz", "q=%%30%30"})
    void nulNonUtf8AndBrokenEscapesAreNot(String query) {
        assertThat(UrlCharactersFilter.problem(query, true)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/movies/%00", "/api/lists/%FF", "/api/lists/a%"})
    void theSameHoldsForPaths(String path) {
        assertThat(UrlCharactersFilter.problem(path, false)).isNotNull();
        assertThat(UrlCharactersFilter.problem("/api/lists/best-of", false)).isNull();
    }
}
