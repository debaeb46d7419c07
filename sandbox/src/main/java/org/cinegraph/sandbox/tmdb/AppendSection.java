package org.cinegraph.sandbox.tmdb;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sections a details request can add with {@code append_to_response}. TMDb ignores names it does not
 * know, and so does the sandbox.
 */
enum AppendSection {
    CREDITS("credits"),
    EXTERNAL_IDS("external_ids"),
    KEYWORDS("keywords"),
    RELEASE_DATES("release_dates");

    private final String parameter;

    AppendSection(String parameter) {
        this.parameter = parameter;
    }

    static Set<AppendSection> parse(String appendToResponse) {
        Set<AppendSection> sections = EnumSet.noneOf(AppendSection.class);
        for (String name : appendToResponse.split(",")) {
            Arrays.stream(values())
                    .filter(section -> section.parameter.equals(name.trim()))
                    .forEach(sections::add);
        }
        return sections;
    }

    String parameter() {
        return parameter;
    }
}
