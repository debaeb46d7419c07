package org.cinegraph.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A daily ID export as TMDb publishes it, generated: gzipped lines of
 * {@code {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.4,"video":false}}, ids ascending from 1
 * with about a quarter of them missing (deleted movies, as in TMDb's), 2 % adult and 1 % video entries, titles of
 * made-up words (so the file compresses as TMDb's does, about four to one), in other scripts and with quotes now and
 * then, popularity mostly low. Which ids it lists is a function of the id alone, {@link #listed},
 * which {@link #LISTED_SQL} computes the same way in PostgreSQL, so a catalogue can be made to overlap it by SQL.
 *
 * @param lines the entries written, one a line
 * @param highestId the last id listed
 * @param compressedBytes the file's size
 * @param uncompressedBytes its size unzipped
 * @param listedIds every id listed
 * @param plainIds the ids neither adult nor video: those the importer's default settings count
 */
record GeneratedExport(Path file, long lines, int highestId, long compressedBytes, long uncompressedBytes,
                       BitSet listedIds, BitSet plainIds) {

    /** Of a hundred ids, how many the export lists: 1.1 million lines reach about id 1.5 million, as TMDb's do. */
    static final int LISTED_PERCENT = 73;
    /** {@link #listed} in SQL, of a {@code bigint} id {@code i}. */
    static final String LISTED_SQL = bucketSql("i", 2654435761L) + " < " + LISTED_PERCENT;

    static GeneratedExport write(Path file, long lines) throws IOException {
        Files.createDirectories(file.getParent());
        BitSet listed = new BitSet();
        BitSet plain = new BitSet();
        long uncompressed = 0;
        int id = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (long written = 0; written < lines; ) {
                id++;
                if (!listed(id)) {
                    continue;
                }
                boolean adult = bucket(id, 3266489917L) < 2;
                boolean video = bucket(id, 668265263L) < 1;
                SplittableRandom random = new SplittableRandom(id);
                String line = "{\"adult\":" + adult + ",\"id\":" + id + ",\"original_title\":\""
                        + title(id, random) + "\",\"popularity\":" + popularity(random) + ",\"video\":" + video
                        + "}\n";
                out.write(line);
                uncompressed += line.getBytes(StandardCharsets.UTF_8).length;
                listed.set(id);
                if (!adult && !video) {
                    plain.set(id);
                }
                written++;
            }
        }
        return new GeneratedExport(file, lines, id, Files.size(file), uncompressed, listed, plain);
    }

    /** Whether the export lists {@code id}. */
    static boolean listed(long id) {
        return bucket(id, 2654435761L) < LISTED_PERCENT;
    }

    /**
     * A number from 0 to 99 that looks random but is the id's alone: the high bits of a multiplicative hash, which
     * PostgreSQL computes the same way ({@link #bucketSql}).
     */
    static int bucket(long id, long multiplier) {
        return (int) (((id * multiplier) & 0xFFFF_FFFFL) * 100 >>> 32);
    }

    static String bucketSql(String id, long multiplier) {
        return "((" + id + " * " + multiplier + ") % 4294967296 * 100 / 4294967296)";
    }

    /** One to four made-up words, sometimes in another script or with quotes and escapes, as TMDb's are. */
    private static String title(int id, SplittableRandom random) {
        StringBuilder title = new StringBuilder();
        for (int word = random.nextInt(1, 5); word > 0; word--) {
            title.append(title.isEmpty() ? "" : " ").append((char) random.nextInt('A', 'Z' + 1));
            for (int letter = random.nextInt(1, 9); letter > 0; letter--) {
                title.append((char) random.nextInt('a', 'z' + 1));
            }
        }
        return switch (id % 50) {
            case 7 -> "Le \\\"" + title + "\\\"";
            case 19 -> "映画 " + title;
            case 31 -> title + " \\\\ " + id;
            default -> title.toString();
        };
    }

    /** Mostly below one, a few in the hundreds, with up to three decimals, as TMDb writes it. */
    private static String popularity(SplittableRandom random) {
        double popularity = Math.round(Math.pow(random.nextDouble(), 6) * 400_000) / 1000.0;
        return popularity == Math.rint(popularity) ? Long.toString((long) popularity) : Double.toString(popularity);
    }
}
