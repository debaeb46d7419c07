package org.cinegraph.command.lists;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cinegraph.events.ListEntry;

/**
 * An IMDb list export read: a UTF-8 CSV file whose header names a {@code Const} column of IMDb title ids, and
 * usually {@code Title} and {@code Year} columns (IMDb's list, watchlist and ratings exports all have them).
 * Columns are found by name, in any order and case; other columns are ignored. An upload is read whole or
 * refused whole: one row that holds no IMDb title id refuses the file, as it is not the list it claims to be.
 */
final class ListCsv {

    /** More members than the largest IMDb list holds (10,000), with room for a large ratings export. */
    static final int MAX_ENTRIES = 25_000;
    private static final Pattern IMDB_TITLE_ID = Pattern.compile("tt\\d{7,10}");
    private static final int MAX_TITLE = 500;
    private static final int SHOWN = 60;
    private static final CsvMapper CSV = new CsvMapper();

    private ListCsv() {
    }

    /**
     * The list's members in file order, each IMDb id once (its first row counts).
     *
     * @throws BadListException when the upload is not such a file, saying why in words for a person
     */
    static List<ListEntry> parse(byte[] upload) {
        String text = utf8(upload);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadListException("The upload is empty; an IMDb list export is a CSV file with a Const column.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadListException("The upload is binary, not CSV text; export the list from IMDb as CSV.");
        }
        Map<String, ListEntry> entries = new LinkedHashMap<>();
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            List<String> header = rows.hasNextValue() ? rows.nextValue() : List.of();
            int imdbColumn = column(header, "const");
            if (imdbColumn < 0) {
                throw new BadListException("The CSV has no Const column (its header is " + shown(header)
                        + "); an IMDb list export names its IMDb ids in a column called Const.");
            }
            int titleColumn = column(header, "title");
            int yearColumn = column(header, "year");
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (row.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                    continue;
                }
                String imdbId = cell(row, imdbColumn);
                if (imdbId == null || !IMDB_TITLE_ID.matcher(imdbId).matches()) {
                    throw new BadListException("Line " + line + " holds " + (imdbId == null ? "no IMDb id"
                            : "'" + abbreviate(imdbId) + "'") + " in its Const column, not an IMDb title id "
                            + "(tt and seven to ten digits); nothing of the list was recorded.");
                }
                entries.putIfAbsent(imdbId, new ListEntry(imdbId, title(cell(row, titleColumn)),
                        year(cell(row, yearColumn))));
                if (entries.size() > MAX_ENTRIES) {
                    throw new BadListException("The list holds more than " + MAX_ENTRIES + " IMDb ids; split it.");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadListException bad) {
                throw bad;
            }
            throw new BadListException("The upload is not a CSV file this importer can read: "
                    + abbreviate(firstLine(e.getMessage())));
        }
        if (entries.isEmpty()) {
            throw new BadListException("The CSV has a Const column but no IMDb ids under it.");
        }
        return List.copyOf(entries.values());
    }

    /** The SHA-256 of the members in order, hex: the same list uploaded again hashes the same. */
    static String contentHash(List<ListEntry> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ListEntry entry : entries) {
                digest.update((entry.imdbId() + '\u0001' + entry.title() + '\u0001' + entry.year() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String utf8(byte[] upload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(upload)).toString();
        } catch (CharacterCodingException e) {
            throw new BadListException("The upload is not UTF-8 text; an IMDb list export is a UTF-8 CSV file.");
        }
    }

    private static int column(List<String> header, String name) {
        for (int index = 0; index < header.size(); index++) {
            String cell = header.get(index);
            if (cell != null && cell.trim().toLowerCase(Locale.ROOT).equals(name)) {
                return index;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int column) {
        if (column < 0 || column >= row.size() || row.get(column) == null) {
            return null;
        }
        String cell = row.get(column).trim();
        return cell.isEmpty() ? null : cell;
    }

    private static String title(String cell) {
        return cell == null || cell.length() <= MAX_TITLE ? cell : cell.substring(0, MAX_TITLE);
    }

    /** A year a film can have been released in, else none: the year only helps a person read a failure. */
    private static Integer year(String cell) {
        if (cell == null || !cell.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(cell);
        return year >= 1870 && year <= 2200 ? year : null;
    }

    private static String shown(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String name : header) {
            names.add(name == null ? "" : abbreviate(name.trim()));
            if (names.size() == 12) {
                names.add("...");
                break;
            }
        }
        return names.isEmpty() ? "empty" : String.join(", ", names);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", " ");
        return printable.length() <= SHOWN ? printable : printable.substring(0, SHOWN) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** An upload that is not an IMDb list export; its message says why. */
    static final class BadListException extends RuntimeException {

        BadListException(String message) {
            super(message);
        }
    }
}
