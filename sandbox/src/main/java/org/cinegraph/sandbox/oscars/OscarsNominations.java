package org.cinegraph.sandbox.oscars;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every Academy Awards nomination of the bundled {@code oscars.csv} (BSD-2, see {@code oscars/README.md}), by the
 * year each ceremony was held: ceremony N in 1928 + N. The scientific and technical and special awards, which
 * the ceremony pages list apart, are left out.
 */
public final class OscarsNominations {

    public static final int FIRST_CEREMONY_YEAR_OFFSET = 1928;
    private static final String RESOURCE = "/oscars/oscars.csv";

    /** One nomination as the file has it; {@code imdbIds} of the films, "?" or none where unknown. */
    public record Nomination(int ceremony, String category, List<String> films, List<String> imdbIds, String name,
                             String detail, boolean winner) {
    }

    private final SortedMap<Integer, List<Nomination>> byYear;

    private OscarsNominations(SortedMap<Integer, List<Nomination>> byYear) {
        this.byYear = byYear;
    }

    /** The bundled file. */
    public static OscarsNominations bundled() {
        try (InputStream file = OscarsNominations.class.getResourceAsStream(RESOURCE)) {
            if (file == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the sandbox");
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OscarsNominations read(InputStream tsv) throws IOException {
        SortedMap<Integer, List<Nomination>> byYear = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            if (header == null || !header.startsWith("Ceremony\t")) {
                throw new IOException("oscars.csv has no header line");
            }
            String line;
            while ((line = lines.readLine()) != null) {
                String[] field = Arrays.copyOf(line.split("\t", -1), 14);
                if (field[0] == null || field[0].isBlank() || "SciTech".equals(field[2]) || "Special".equals(field[2])) {
                    continue;
                }
                int ceremony = Integer.parseInt(field[0].trim());
                Nomination nomination = new Nomination(ceremony, field[4], split(field[5]), split(field[6]),
                        blankToNull(field[7]), blankToNull(field[11]), "True".equals(field[10]));
                byYear.computeIfAbsent(FIRST_CEREMONY_YEAR_OFFSET + ceremony, year -> new ArrayList<>()).add(nomination);
            }
        }
        byYear.replaceAll((year, nominations) -> Collections.unmodifiableList(nominations));
        return new OscarsNominations(Collections.unmodifiableSortedMap(byYear));
    }

    /** The years a ceremony was held, ascending. */
    public List<Integer> years() {
        return List.copyOf(byYear.keySet());
    }

    /** The ceremony held in {@code year}: its nominations by category, in the file's order. */
    public Optional<Map<String, List<Nomination>>> ceremony(int year) {
        List<Nomination> nominations = byYear.get(year);
        if (nominations == null) {
            return Optional.empty();
        }
        Map<String, List<Nomination>> categories = new LinkedHashMap<>();
        for (Nomination nomination : nominations) {
            categories.computeIfAbsent(nomination.category(), category -> new ArrayList<>()).add(nomination);
        }
        return Optional.of(categories);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split("\\|"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
