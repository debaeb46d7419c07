package org.cinegraph.sandbox.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable titles, overviews and taglines from word lists, so that a person looking at the dashboard
 * over sandbox data sees something that reads like a film catalogue.
 */
final class Prose {

    private static final List<String> ADJECTIVES = List.of(
            "Silent", "Crimson", "Hollow", "Broken", "Golden", "Last", "Distant", "Wild", "Hidden",
            "Burning", "Frozen", "Quiet", "Electric", "Forgotten", "Midnight", "Bitter", "Velvet", "Iron",
            "Paper", "Glass", "Restless", "Lonely", "Savage", "Secret", "Endless", "Sudden", "Northern",
            "Little", "Dark", "Bright", "Lost", "Second", "Wandering", "Scarlet", "Early");

    private static final List<String> NOUNS = List.of(
            "Harbor", "Orchard", "River", "Kingdom", "Summer", "Garden", "Frontier", "Horizon", "Empire",
            "Lighthouse", "Promise", "Storm", "Mirror", "Station", "Valley", "Inheritance", "Carnival",
            "Witness", "Voyage", "Signal", "Island", "Winter", "Letter", "Machine", "Orbit", "Tide",
            "Crown", "Shadow", "Diary", "Meadow", "Heart", "Border", "Hour", "Season", "Game", "Road");

    private static final List<String> PLACES = List.of(
            "Avalon", "Marseille", "Kyoto", "Brooklyn", "Lisbon", "Havana", "Tangier", "Oslo", "Naples",
            "Galveston", "Montana", "Patagonia", "Reykjavik", "Seoul", "Vienna", "Palermo", "Memphis",
            "Lagos", "Bombay", "Glasgow");

    private static final List<String> FIRST_NAMES = List.of(
            "Clara", "Jonah", "Mira", "Felix", "Ruth", "Tomas", "Ines", "Elias", "Nadia", "Oscar", "Lena",
            "Marcus", "Hanna", "Theo", "Sofia", "August", "Vera", "Milo", "Ada", "Rafael");

    private static final List<String> ROLES = List.of(
            "a retired lighthouse keeper", "a young cartographer", "a disgraced detective",
            "a small-town baker", "a grieving violinist", "an ambitious lawyer", "a runaway heiress",
            "a weary ship captain", "a shy schoolteacher", "a former boxer", "a stubborn botanist",
            "a night-shift nurse", "a failed magician", "an aging rock star", "a rookie journalist");

    private static final List<String> PURSUITS = List.of(
            "returns home to settle a late father's debts", "must deliver a mysterious letter",
            "sets out to find a missing sister", "agrees to one last job", "stumbles onto a decades-old secret",
            "tries to save the family orchard", "takes a job at a remote observatory",
            "is drawn into a feud between two families", "inherits a crumbling cinema",
            "joins a travelling circus", "enters a cooking contest against all advice",
            "has one summer to win back an old love");

    private static final List<String> COMPLICATIONS = List.of(
            "But the past refuses to stay buried.", "Nothing goes according to plan.",
            "What begins as a favor becomes the fight of a lifetime.", "An unlikely friendship changes everything.",
            "Time is running out before the winter storm arrives.", "Every answer raises a darker question.",
            "The whole town is watching.", "Some doors were locked for a reason.");

    private static final List<String> TAGLINES = List.of(
            "Some secrets wait a lifetime.", "Every journey has a price.", "Home is where the storm is.",
            "One summer. One chance.", "The truth has a long memory.", "Nobody walks away clean.",
            "Love is the last frontier.", "Hope is a stubborn thing.", "The night is far from over.",
            "Not all heroes wear uniforms.");

    private static final Pattern SEQUEL = Pattern.compile("^(.+) (\\d+)$");

    private Prose() {
    }

    static String title(Draws draws) {
        String base = switch (draws.nextInt(8)) {
            case 0 -> "The " + draws.pick(ADJECTIVES) + " " + draws.pick(NOUNS);
            case 1 -> draws.pick(ADJECTIVES) + " " + draws.pick(NOUNS);
            case 2 -> draws.pick(NOUNS) + " of the " + draws.pick(ADJECTIVES) + " " + draws.pick(NOUNS);
            case 3 -> draws.pick(FIRST_NAMES) + "'s " + draws.pick(NOUNS);
            case 4 -> draws.pick(NOUNS) + " in " + draws.pick(PLACES);
            case 5 -> "The " + draws.pick(NOUNS) + " and the " + draws.pick(NOUNS);
            case 6 -> draws.pick(ADJECTIVES) + " " + draws.pick(PLACES);
            default -> withArticle(draws.pick(NOUNS)) + " for " + draws.pick(FIRST_NAMES);
        };
        return draws.chance(0.07) ? base + " " + draws.between(2, 4) : base;
    }

    /** The franchise a numbered title continues, e.g. "Midnight Orchard" for "Midnight Orchard 2". */
    static Optional<String> franchiseOf(String title) {
        Matcher sequel = SEQUEL.matcher(title);
        return sequel.matches() ? Optional.of(sequel.group(1)) : Optional.empty();
    }

    static String overview(Draws draws) {
        String premise = draws.pick(FIRST_NAMES) + ", " + draws.pick(ROLES) + ", " + draws.pick(PURSUITS)
                + " in " + draws.pick(PLACES) + ".";
        return draws.chance(0.7) ? premise + " " + draws.pick(COMPLICATIONS) : premise;
    }

    static String tagline(Draws draws) {
        return draws.pick(TAGLINES);
    }

    static String character(Draws draws) {
        return draws.pick(FIRST_NAMES);
    }

    private static String withArticle(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ") + noun;
    }
}
