package org.cinegraph.command.festival;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinegraph.events.RecordCeremony.Category;
import org.cinegraph.events.RecordCeremony.Nomination;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads an Academy Awards ceremony page of oscars.org ({@code /oscars/ceremonies/{year}}). A category is a
 * {@code .paragraph--type--award-category[data-term-id]} with its name in
 * {@code .field--name-field-award-category-oscars}; each nomination a {@code .paragraph--type--award-honoree},
 * the winner marked by {@code .field--name-field-honoree-type.winner}; the film in
 * {@code .field--name-field-award-film} and the people in {@code .field--name-field-award-entities .field__item}.
 * Two categories place them otherwise: International Feature puts the country where the film goes and the film
 * among the entities; Original Song puts the song's title where the film goes, and "from Film; Music and Lyric
 * by ..." among the entities. Only text is read: scripts and styles are never run or kept.
 */
final class CeremonyPage {

    /** The Academy's first ceremony was for 1927/28, held in 1929: ceremony N was held in 1928 + N. */
    static final int FIRST_CEREMONY_YEAR_OFFSET = 1928;
    private static final Pattern TITLE_NUMBER = Pattern.compile("\\b(\\d{1,3})(?:st|nd|rd|th)\\s+Academy\\s+Awards",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SONG_ENTITY = Pattern.compile("^from\\s+(.+?)\\s*;\\s*(.*)$", Pattern.DOTALL);

    private CeremonyPage() {
    }

    /**
     * @param year the year the ceremony was held (the page's year)
     * @throws CeremonyPageException when the page has no categories, or a category no nomination
     */
    static ParsedCeremony parse(String html, int year) {
        Document page = Jsoup.parse(html);
        List<Category> categories = new ArrayList<>();
        for (Element category : page.select("div.paragraph--type--award-category[data-term-id]")) {
            String name = text(category.selectFirst(".field--name-field-award-category-oscars"));
            if (name == null) {
                throw new CeremonyPageException("A category of the " + year + " ceremony page has no name.");
            }
            List<Nomination> nominations = new ArrayList<>();
            for (Element honoree : category.select(".paragraph--type--award-honoree")) {
                nominations.add(nomination(name, honoree));
            }
            if (nominations.isEmpty()) {
                throw new CeremonyPageException("The category '" + name + "' of the " + year
                        + " ceremony page lists no nomination.");
            }
            categories.add(new Category(name, nominations));
        }
        if (categories.isEmpty()) {
            throw new CeremonyPageException("The " + year + " ceremony page has none of the expected markup "
                    + "(no award category): it is not a ceremony page, or oscars.org changed its layout.");
        }
        return new ParsedCeremony(ceremonyNumber(page, year), categories);
    }

    private static Nomination nomination(String category, Element honoree) {
        boolean winner = honoree.selectFirst(".field--name-field-honoree-type.winner") != null;
        String filmField = text(honoree.selectFirst(".field--name-field-award-film"));
        List<String> entities = new ArrayList<>();
        Elements items = honoree.select(".field--name-field-award-entities .field__item");
        for (Element item : items) {
            String text = text(item);
            if (text != null) {
                entities.add(text);
            }
        }
        String normalized = category.toLowerCase(Locale.ROOT);
        if (normalized.contains("international feature") || normalized.contains("foreign language")) {
            // The country where the film goes, the film among the entities.
            String film = entities.isEmpty() ? null : entities.get(0);
            return new Nomination(film, filmField == null ? List.of() : List.of(filmField), null,
                    winner);
        }
        if (normalized.contains("original song")) {
            // The song's title where the film goes; "from Film; Music and Lyric by ..." among the entities.
            String film = null;
            List<String> names = new ArrayList<>();
            for (String entity : entities) {
                Matcher song = SONG_ENTITY.matcher(entity);
                if (song.matches() && film == null) {
                    film = song.group(1);
                    if (!song.group(2).isBlank()) {
                        names.add(song.group(2).trim());
                    }
                } else {
                    names.add(entity);
                }
            }
            return new Nomination(film, names, filmField, winner);
        }
        return new Nomination(filmField, entities, null, winner);
    }

    /** From the page's title ("The 96th Academy Awards | 2024"), else counted from the year. */
    private static int ceremonyNumber(Document page, int year) {
        Matcher number = TITLE_NUMBER.matcher(page.title());
        if (number.find()) {
            return Integer.parseInt(number.group(1));
        }
        return year - FIRST_CEREMONY_YEAR_OFFSET;
    }

    /** The element's text with its whitespace collapsed; null for no element or no text. */
    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().trim();
        return text.isEmpty() ? null : text;
    }
}
