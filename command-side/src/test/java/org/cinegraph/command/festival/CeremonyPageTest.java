package org.cinegraph.command.festival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cinegraph.command.SharedFixtures;
import org.cinegraph.events.RecordCeremony;
import org.cinegraph.events.RecordCeremony.Nomination;
import org.junit.jupiter.api.Test;

class CeremonyPageTest {

    @Test
    void theSaved2024PageHoldsTheNominationsOscarsCsvHoldsForCeremony96() throws IOException {
        Path oscars = SharedFixtures.folder("oscars");
        String html = Files.readString(oscars.resolve("oscars-org-ceremony-2024.html"));

        ParsedCeremony ceremony = CeremonyPage.parse(html, 2024);

        assertThat(ceremony.ceremonyNumber()).isEqualTo(96);
        assertThat(ceremony.categories()).hasSize(23);
        assertThat(ceremony.nominationCount()).isEqualTo(120);
        assertThat(ceremony.winnerCount()).isEqualTo(23);
        assertThat(ceremony.categories()).allSatisfy(category ->
                assertThat(category.nominations()).filteredOn(Nomination::winner).hasSize(1));

        List<String> parsed = new ArrayList<>();
        for (RecordCeremony.Category category : ceremony.categories()) {
            for (Nomination nomination : category.nominations()) {
                parsed.add(key(nomination.film(), String.join(", ", nomination.names()), nomination.winner()));
            }
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(oscars.resolve("oscars.csv"))) {
            String[] field = line.split("\t", -1);
            if (field[0].equals("96") && !field[2].equals("SciTech") && !field[2].equals("Special")) {
                expected.add(key(field[5], field[7], field.length > 10 && field[10].equals("True")));
            }
        }
        assertThat(expected).hasSize(120);
        assertThat(parsed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aPageOfOurOwnInTheSameMarkupWithItsSwappedCategories() throws IOException {
        ParsedCeremony ceremony = CeremonyPage.parse(selfMade(), 2031);

        assertThat(ceremony.ceremonyNumber()).as("no number in the title: counted from the year").isEqualTo(103);
        assertThat(ceremony.categories()).extracting(RecordCeremony.Category::name)
                .containsExactly("Best Picture", "International Feature Film", "Music (Original Song)");
        assertThat(ceremony.categories().get(0).nominations()).containsExactly(
                new Nomination("The Lighthouse Keeper", List.of("Ada Lovelace and Grace Hopper, Producers"), null,
                        true),
                new Nomination("Quiet & Loud", List.of("Alan Turing, Producer"), null, false));
        assertThat(ceremony.categories().get(1).nominations())
                .containsExactly(new Nomination("Fjord", List.of("Norway"), null, false));
        assertThat(ceremony.categories().get(2).nominations())
                .containsExactly(new Nomination("Fjord", List.of("Music and Lyric by Edvard Grieg"), "Sea Song", true));
    }

    @Test
    void theSameContentHashesTheSameAndAnyChangeDifferently() throws IOException {
        String page = selfMade();
        String hash = CeremonyPage.parse(page, 2031).contentHash();

        assertThat(CeremonyPage.parse(page.replace("an unclosed paragraph", "other layout"), 2031).contentHash())
                .isEqualTo(hash);
        assertThat(CeremonyPage.parse(page.replace("Alan Turing", "Alan M. Turing"), 2031).contentHash())
                .isNotEqualTo(hash);
        assertThat(CeremonyPage.parse(page.replace("nominee\">Nominees", "winner\">Winner"), 2031).contentHash())
                .isNotEqualTo(hash);
    }

    @Test
    void aPageWithoutTheMarkupIsRefusedWhole() {
        assertThatThrownBy(() -> CeremonyPage.parse("<html><body><h1>Page not found</h1></body></html>", 2024))
                .isInstanceOf(CeremonyPageException.class).hasMessageContaining("none of the expected markup");
        assertThatThrownBy(() -> CeremonyPage.parse("", 2024)).isInstanceOf(CeremonyPageException.class);
        assertThatThrownBy(() -> CeremonyPage.parse("\u0000\u0001 not html at all {\"json\": true}", 2024))
                .isInstanceOf(CeremonyPageException.class);
    }

    @Test
    void aCategoryWithoutNominationsRefusesTheWholePage() {
        String html = """
                <div data-term-id="1" class="paragraph--type--award-category">
                  <div class="field--name-field-award-category-oscars">Sound</div>
                </div>""";
        assertThatThrownBy(() -> CeremonyPage.parse(html, 2024))
                .isInstanceOf(CeremonyPageException.class).hasMessageContaining("'Sound'");
    }

    /**
     * Film, names and winner, compared loosely: case, accents, quotes and spacing aside (the page spells one
     * short film "Nǎi Nai & Wài Pó", the file "Nai Nai & Wài Pó").
     */
    private static String key(String film, String names, boolean winner) {
        return normal(film) + " | " + normal(names) + " | " + winner;
    }

    private static String normal(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String selfMade() throws IOException {
        try (InputStream page = CeremonyPageTest.class.getResourceAsStream("/festival/ceremony-self-made.html")) {
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
