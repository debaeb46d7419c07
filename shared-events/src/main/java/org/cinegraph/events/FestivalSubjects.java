package org.cinegraph.events;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a festival's failures are named within their source, as {@code GET /api/import/failures} lists them and a
 * retry of one failure names it back: a ceremony by its year, a nomination by its ceremony's year, category, film,
 * names and detail. Fields are joined by characters no page's text holds, after a first field that says which it
 * is, so no ceremony's subject is a nomination's or a movie's (a TMDb id).
 */
public final class FestivalSubjects {

    private static final String FIELD = "\u0001";
    private static final String NAME = "\u0002";
    private static final String CEREMONY = "ceremony";
    private static final String NOMINATION = "nomination";

    private FestivalSubjects() {
    }

    public static String ceremony(int year) {
        return String.join(FIELD, CEREMONY, Integer.toString(year));
    }

    public static String nomination(NominationRef nomination) {
        return String.join(FIELD, NOMINATION, Integer.toString(nomination.year()), nomination.category(),
                String.valueOf(nomination.film()), String.join(NAME, nomination.names()),
                String.valueOf(nomination.detail()));
    }

    /** The year of the ceremony a subject names, or empty when it names no ceremony. */
    public static OptionalInt ceremonyYear(String subject) {
        String[] fields = subject.split(FIELD, -1);
        return fields.length == 2 && CEREMONY.equals(fields[0]) && isYear(fields[1])
                ? OptionalInt.of(Integer.parseInt(fields[1])) : OptionalInt.empty();
    }

    /**
     * The film a nomination's subject names, or empty when it names no nomination. What a retry tries again: its
     * film is matched once for all its nominations in the category.
     */
    public static Optional<FilmInCategory> nominatedFilm(String subject) {
        String[] fields = subject.split(FIELD, -1);
        return fields.length == 6 && NOMINATION.equals(fields[0]) && isYear(fields[1])
                ? Optional.of(new FilmInCategory(Integer.parseInt(fields[1]), fields[2], fields[3]))
                : Optional.empty();
    }

    private static boolean isYear(String field) {
        return field.matches("\\d{4}");
    }

    /** A film nominated in a category of the ceremony held in {@code year}. */
    public record FilmInCategory(int year, String category, String film) {
    }
}
