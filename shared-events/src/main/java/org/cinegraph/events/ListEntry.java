package org.cinegraph.events;

/**
 * One member of a canonical list, as the list's IMDb export names it.
 *
 * @param imdbId the IMDb id of its {@code Const} column
 * @param title its {@code Title}, or null when the export has none
 * @param year its {@code Year}, or null when the export has none (or none that is a year)
 */
public record ListEntry(String imdbId, String title, Integer year) {
}
