package org.cinegraph.command.export;

/**
 * One line of TMDb's daily ID export: {@code {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.4,
 * "video":false}}. Only what the sweep decides by is kept.
 */
public record ExportEntry(int tmdbId, boolean adult, boolean video, String originalTitle) {
}
