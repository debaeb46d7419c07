package org.cinegraph.sandbox.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a generated movie comes from: its original language, the country that produced it and that
 * country's age ratings. The weights give a TMDb-like mix in which English dominates.
 */
public enum Origin {
    UNITED_STATES("en", "English", "English", "US", "United States of America", 60,
            List.of("G", "PG", "PG-13", "R", "NR")),
    UNITED_KINGDOM("en", "English", "English", "GB", "United Kingdom", 8, List.of("U", "PG", "12A", "15", "18")),
    FRANCE("fr", "French", "Français", "FR", "France", 7, List.of("U", "12", "16", "18")),
    SPAIN("es", "Spanish", "Español", "ES", "Spain", 5, List.of("A", "7", "12", "16", "18")),
    GERMANY("de", "German", "Deutsch", "DE", "Germany", 5, List.of("0", "6", "12", "16", "18")),
    JAPAN("ja", "Japanese", "日本語", "JP", "Japan", 5, List.of("G", "PG12", "R15+", "R18+")),
    SOUTH_KOREA("ko", "Korean", "한국어/조선말", "KR", "South Korea", 4, List.of("All", "12", "15", "18")),
    ITALY("it", "Italian", "Italiano", "IT", "Italy", 3, List.of("T", "6+", "14+", "18+")),
    INDIA("hi", "Hindi", "हिन्दी", "IN", "India", 3, List.of("U", "UA", "A"));

    private static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(origin -> origin.weight).sum();
    private static final Map<String, Origin> BY_COUNTRY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Origin::country, Function.identity()));

    private final String language;
    private final String languageEnglishName;
    private final String languageNativeName;
    private final String country;
    private final String countryName;
    private final int weight;
    private final List<String> certifications;

    Origin(String language, String languageEnglishName, String languageNativeName, String country,
           String countryName, int weight, List<String> certifications) {
        this.language = language;
        this.languageEnglishName = languageEnglishName;
        this.languageNativeName = languageNativeName;
        this.country = country;
        this.countryName = countryName;
        this.weight = weight;
        this.certifications = certifications;
    }

    static Origin draw(Draws draws) {
        int ticket = draws.nextInt(TOTAL_WEIGHT);
        for (Origin origin : values()) {
            ticket -= origin.weight;
            if (ticket < 0) {
                return origin;
            }
        }
        throw new IllegalStateException("Origin weights do not add up to " + TOTAL_WEIGHT);
    }

    static Origin ofCountry(String country) {
        return BY_COUNTRY.get(country);
    }

    public String language() {
        return language;
    }

    public String languageEnglishName() {
        return languageEnglishName;
    }

    public String languageNativeName() {
        return languageNativeName;
    }

    public String country() {
        return country;
    }

    public String countryName() {
        return countryName;
    }

    List<String> certifications() {
        return certifications;
    }
}
