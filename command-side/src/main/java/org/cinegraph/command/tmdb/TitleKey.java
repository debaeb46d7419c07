package org.cinegraph.command.tmdb;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A title reduced to what stays the same however a source writes it, so that the Academy's "Anatomy of a Fall"
 * finds TMDb's "Anatomy of a Fall" and "Amélie" finds "Amelie": no accents, lower case, {@code &} as "and",
 * punctuation as spaces, and no leading "the".
 */
public final class TitleKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleKey() {
    }

    /** @return the key, or null for a title that is null or has no letters or digits */
    public static String of(String title) {
        if (title == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String key = NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll(" ").trim();
        if (key.startsWith("the ")) {
            key = key.substring(4);
        }
        return key.isEmpty() ? null : key;
    }
}
