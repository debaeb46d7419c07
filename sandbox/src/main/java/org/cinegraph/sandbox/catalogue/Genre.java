package org.cinegraph.sandbox.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** TMDb's movie genres with their real ids, so a client's genre mapping can be exercised. */
public enum Genre {
    ACTION(28, "Action"),
    ADVENTURE(12, "Adventure"),
    ANIMATION(16, "Animation"),
    COMEDY(35, "Comedy"),
    CRIME(80, "Crime"),
    DOCUMENTARY(99, "Documentary"),
    DRAMA(18, "Drama"),
    FAMILY(10751, "Family"),
    FANTASY(14, "Fantasy"),
    HISTORY(36, "History"),
    HORROR(27, "Horror"),
    MUSIC(10402, "Music"),
    MYSTERY(9648, "Mystery"),
    ROMANCE(10749, "Romance"),
    SCIENCE_FICTION(878, "Science Fiction"),
    TV_MOVIE(10770, "TV Movie"),
    THRILLER(53, "Thriller"),
    WAR(10752, "War"),
    WESTERN(37, "Western");

    private static final List<Genre> ALL = List.of(values());
    private static final Map<Integer, Genre> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Genre::id, Function.identity()));

    private final int id;
    private final String displayName;

    Genre(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** One to three different genres for a movie, by id: generated movies and festival films draw them alike. */
    static List<Integer> drawIds(Draws draws) {
        return Draws.distinct(draws.between(1, 3), () -> draws.pick(ALL).id());
    }

    public static Genre byId(int id) {
        Genre genre = BY_ID.get(id);
        if (genre == null) {
            throw new IllegalArgumentException("No TMDb genre " + id);
        }
        return genre;
    }
}
