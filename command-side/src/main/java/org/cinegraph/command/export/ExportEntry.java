package org.cinegraph.command.export;

/**
 * One line of TMDb's daily ID export: {@code {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.4,
 * "video":false}}. Only what the sweep decides by is kept.
 */
public record ExportEntry(int tmdbId, boolean adult, boolean video, String originalTitle) {

    /**
     * The highest id an entry may have: TMDb's ids run to under two million and grow by some hundred thousand a
     * year. An id is a bit in the sweep's sets, so one absurd id would cost as many bits as it is large: a line that
     * names an id beyond this is malformed, and the sets stay some megabytes at most.
     */
    public static final int MAX_TMDB_ID = 50_000_000;
}
