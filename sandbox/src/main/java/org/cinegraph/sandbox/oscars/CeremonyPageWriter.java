package org.cinegraph.sandbox.oscars;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a ceremony page in the markup of oscars.org's {@code /oscars/ceremonies/{year}}: a category is a
 * {@code paragraph--type--award-category}, each nomination a {@code paragraph--type--award-honoree} with its
 * winner marked, the film in {@code field--name-field-award-film} and the people in
 * {@code field--name-field-award-entities}; International Feature puts the country where the film goes and the
 * film among the entities, Original Song the song's title where the film goes and "from Film; ..." among the
 * entities, as the real pages do.
 */
final class CeremonyPageWriter {

    private CeremonyPageWriter() {
    }

    static String write(int year, int ceremony, Map<String, List<OscarsNominations.Nomination>> categories) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The ")
                .append(ordinal(ceremony)).append(" Academy Awards | ").append(year).append("</title></head>\n")
                .append("<body><h1>The ").append(ordinal(ceremony)).append(" Academy Awards | ").append(year)
                .append("</h1>\n<div class=\"field field--name-field-award-categories field__items\">\n");
        int term = 1;
        for (Map.Entry<String, List<OscarsNominations.Nomination>> category : categories.entrySet()) {
            html.append("<div class=\"field__item\"><div data-term-id=\"").append(term++)
                    .append("\" class=\"paragraph paragraph--type--award-category\">\n")
                    .append("<div class=\"field field--name-field-award-category-oscars field__item\">")
                    .append(escape(category.getKey())).append("</div>\n")
                    .append("<div class=\"field field--name-field-award-honorees field__items\">\n");
            String name = category.getKey().toLowerCase(Locale.ROOT);
            for (OscarsNominations.Nomination nomination : category.getValue()) {
                honoree(html, name, nomination);
            }
            html.append("</div></div></div>\n");
        }
        return html.append("</div></body></html>\n").toString();
    }

    private static void honoree(StringBuilder html, String category, OscarsNominations.Nomination nomination) {
        String film = nomination.films().isEmpty() ? null : nomination.films().get(0);
        String filmField = film;
        String entity = nomination.name();
        if (category.contains("international feature") || category.contains("foreign language")) {
            filmField = nomination.name();
            entity = film;
        } else if (category.contains("original song") || category.equals("music (song)")) {
            filmField = nomination.detail();
            entity = film == null ? nomination.name() : "from " + film + "; " + nomination.name();
        }
        html.append("<div class=\"field__item\"><div class=\"paragraph paragraph--type--award-honoree\">\n")
                .append(nomination.winner()
                        ? "<div class=\"field field--name-field-honoree-type winner\">Winner</div>\n"
                        : "<div class=\"field field--name-field-honoree-type nominee\">Nominees</div>\n");
        if (entity != null) {
            html.append("<div class=\"field\"><div class=\"field field--name-field-award-entities field__items\">")
                    .append("<div class=\"field__item\">").append(escape(entity)).append("</div></div></div>\n");
        }
        if (filmField != null) {
            html.append("<div class=\"field\"><div class=\"field field--name-field-award-film field__item\">")
                    .append(escape(filmField)).append("</div></div>\n");
        }
        html.append("</div></div>\n");
    }

    static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (number % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return number + suffix;
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
