package org.cinegraph.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What imported a movie, or what a failure is of: the year import, TMDb's daily ID export (the sweep that finds what
 * no year lists), a festival (by its organization's abbreviation) or a canonical list (by its key). Events, tables
 * and the API carry its string form, {@link #value()}: {@code year_import}, {@code export},
 * {@code festival:{organization}}, {@code list:{key}}; both sides write and read that form through this type only.
 */
public record ImportSource(Kind kind, String name) {

    public enum Kind { YEAR_IMPORT, EXPORT, FESTIVAL, LIST }

    public static final ImportSource YEAR_IMPORT = new ImportSource(Kind.YEAR_IMPORT, null);
    /** The sweep of TMDb's daily ID export. */
    public static final ImportSource EXPORT = new ImportSource(Kind.EXPORT, null);
    /** The Academy Awards, the festival whose ceremonies are imported. */
    public static final ImportSource ACADEMY = festival("AMPAS");
    /** The sources there always are; a list's comes with its upload. */
    public static final List<ImportSource> FIXED = List.of(YEAR_IMPORT, EXPORT, ACADEMY);

    private static final String YEAR_IMPORT_VALUE = "year_import";
    private static final String EXPORT_VALUE = "export";
    private static final String FESTIVAL_PREFIX = "festival:";
    private static final String LIST_PREFIX = "list:";
    /** What any client may name as a source, whether or not it exists; a festival's or list's own rules come on top. */
    private static final Pattern FESTIVAL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ImportSource {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.YEAR_IMPORT || kind == Kind.EXPORT) != (name == null)) {
            throw new IllegalArgumentException("A festival or a list is named, the year import and the export are not: "
                    + name);
        }
    }

    public static ImportSource festival(String organization) {
        return new ImportSource(Kind.FESTIVAL, organization);
    }

    public static ImportSource list(String key) {
        return new ImportSource(Kind.LIST, key);
    }

    /** @return the source whose string form {@code value} is, or empty when it has the form of none */
    public static Optional<ImportSource> parse(String value) {
        if (YEAR_IMPORT_VALUE.equals(value)) {
            return Optional.of(YEAR_IMPORT);
        }
        if (EXPORT_VALUE.equals(value)) {
            return Optional.of(EXPORT);
        }
        if (value.startsWith(FESTIVAL_PREFIX)) {
            return named(value.substring(FESTIVAL_PREFIX.length()), FESTIVAL_NAME).map(ImportSource::festival);
        }
        if (value.startsWith(LIST_PREFIX)) {
            return named(value.substring(LIST_PREFIX.length()), LIST_NAME).map(ImportSource::list);
        }
        return Optional.empty();
    }

    private static Optional<String> named(String name, Pattern form) {
        return form.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** The festival's organization, or empty for another source. */
    public Optional<String> organization() {
        return kind == Kind.FESTIVAL ? Optional.of(name) : Optional.empty();
    }

    /** The list's key, or empty for another source. */
    public Optional<String> listKey() {
        return kind == Kind.LIST ? Optional.of(name) : Optional.empty();
    }

    /** The string form events and tables carry. */
    public String value() {
        return switch (kind) {
            case YEAR_IMPORT -> YEAR_IMPORT_VALUE;
            case EXPORT -> EXPORT_VALUE;
            case FESTIVAL -> FESTIVAL_PREFIX + name;
            case LIST -> LIST_PREFIX + name;
        };
    }

    @Override
    public String toString() {
        return value();
    }
}
