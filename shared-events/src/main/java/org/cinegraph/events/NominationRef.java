package org.cinegraph.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One nomination, as its events name it: a category of an organization's ceremony of {@code year}, and what was
 * nominated in it (the film, null when the page names none; the people or country; {@code detail}, an Original
 * Song's title, say). Within its category a nomination is known by its {@link #key()}.
 */
public record NominationRef(String organization, int year, String category, String film, List<String> names,
                            String detail) {

    /** Separate the key's fields, and its names: no page's text holds them. */
    private static final String FIELD = "\u0001";
    private static final String NAME = "\u0002";

    public NominationRef {
        names = List.copyOf(names);
    }

    public static NominationRef of(NominationEvent event) {
        return new NominationRef(event.organization(), event.year(), event.category(), event.film(), event.names(),
                event.detail());
    }

    /**
     * The nomination within its category: the md5, in hex, of its film, names and detail (an absent film or detail
     * as empty text). Both sides' tables hold it as {@code nomination_key}; rows written before it was computed
     * here hold PostgreSQL's {@code md5(concat_ws(chr(1), COALESCE(film, ''), array_to_string(names, chr(2)),
     * COALESCE(detail, '')))}: the digest of the same text, in a UTF-8 database the same bytes.
     */
    public String key() {
        String text = Objects.toString(film, "") + FIELD + String.join(NAME, names) + FIELD
                + Objects.toString(detail, "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }
}
