package org.cinegraph.sandbox.tmdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.cinegraph.sandbox.catalogue.SandboxCatalogue;
import org.cinegraph.sandbox.catalogue.SandboxMovie;

/**
 * TMDb's daily ID export of the catalogue: for each day, a gzipped file of one JSON object a line, in TMDb's format
 * ({@code {"adult":false,"id":3924,"original_title":"Blondie","popularity":2.4,"video":false}}), by TMDb id. It
 * lists every movie TMDb knows: the generated movies of every year, the extra movies (undated, announced, before
 * 1874, adult, video) and the festival films, which TMDb knows as well as the others, so that a client that
 * imported one for a nomination never takes it for removed.
 *
 * <p>As on TMDb, a day's file appears in the morning, so the newest is yesterday's (by the server's clock, UTC),
 * and files are kept for {@value #DAYS_KEPT} days. The catalogue's three removed movies (see
 * {@code ExportExtras.removed()}) are deleted from TMDb on {@link #removalDay()}, {@value #REMOVED_DAYS_BEFORE_START}
 * days before the server started: the files of earlier days list them and the later ones do not, while discover
 * and details go on serving them, so a year import imports them and the sweep after it finds them removed. The
 * removal day is fixed when the server starts, so a day's file never changes while it runs, except by the faults'
 * edits.
 *
 * <p>A file is made once for each set of edits and kept, a few at a time: they differ only by the removals and the
 * faults, not by day.
 */
public final class SandboxExports {

    /** How many days back files are kept, yesterday being the first of them. */
    public static final int DAYS_KEPT = 90;
    /** How many days before the server's start its removed movies left TMDb. */
    public static final int REMOVED_DAYS_BEFORE_START = 3;
    private static final int CACHED_FILES = 4;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final SandboxCatalogue catalogue;
    private final Clock clock;
    private final ExportEdits edits;
    private final LocalDate removalDay;
    private final Map<Variant, byte[]> files = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Variant, byte[]> eldest) {
            return size() > CACHED_FILES;
        }
    };

    public SandboxExports(SandboxCatalogue catalogue, Clock clock, ExportEdits edits) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.edits = edits;
        this.removalDay = today().minusDays(REMOVED_DAYS_BEFORE_START);
    }

    /** The first day whose export leaves out the catalogue's removed movies. */
    public LocalDate removalDay() {
        return removalDay;
    }

    /** Yesterday: today's file is not out yet. */
    public LocalDate newestDay() {
        return today().minusDays(1);
    }

    /** The oldest day whose file is still kept; the day before answers 404. */
    public LocalDate oldestDay() {
        return today().minusDays(DAYS_KEPT);
    }

    /** Whether the file of {@code day} is served now. */
    public boolean published(LocalDate day) {
        return !day.isBefore(oldestDay()) && !day.isAfter(newestDay());
    }

    /**
     * The TMDb ids the file of {@code day} lists, ascending, with the removals and the faults' drops and restores
     * as they stand now (malformed lines aside), whether or not that day's file is served.
     */
    public Set<Integer> ids(LocalDate day) {
        Variant variant = variant(day);
        Set<Integer> ids = new TreeSet<>();
        entries().filter(movie -> variant.lists(movie.tmdbId(), catalogue)).forEach(movie -> ids.add(movie.tmdbId()));
        return Collections.unmodifiableSet(ids);
    }

    /**
     * When a file asked for now says it was made ({@code Last-Modified}): now, since the sandbox makes its files from
     * its catalogue as it stands, unless the faults say otherwise. HTTP's dates hold whole seconds, so now is the
     * next whole second: a movie a client imported in the second the file was asked for is in the file too.
     */
    Instant madeAt() {
        Instant madeAt = edits.madeAt();
        return madeAt != null ? madeAt : clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The gzipped file of a day, or nothing for a day not served. */
    Optional<byte[]> file(LocalDate day) {
        if (!published(day)) {
            return Optional.empty();
        }
        Variant variant = variant(day);
        synchronized (files) {
            return Optional.of(files.computeIfAbsent(variant, this::write));
        }
    }

    private Variant variant(LocalDate day) {
        return new Variant(!day.isBefore(removalDay), edits.snapshot());
    }

    /**
     * Every movie TMDb knows, by TMDb id: the extras' ids lie below the festival films', which lie below the
     * generated movies', each ascending, so one after the other they are in order. A generated movie's line needs
     * only its id, title and popularity, each drawn without making the movie, so a large catalogue is cheap to
     * list.
     */
    private Stream<ExportEntry> entries() {
        Stream<ExportEntry> extras = catalogue.extraMovies().stream().map(ExportEntry::of);
        Stream<ExportEntry> festivalFilms = catalogue.nominatedFilms().stream().map(ExportEntry::of);
        Stream<ExportEntry> generated = catalogue.years().stream()
                .flatMap(year -> catalogue.ordinalsOf(year).mapToObj(ordinal -> new ExportEntry(
                        catalogue.tmdbIdAt(ordinal), catalogue.titleAt(ordinal), catalogue.popularityAt(ordinal),
                        false, false)));
        return Stream.of(extras, festivalFilms, generated).flatMap(entries -> entries);
    }

    private byte[] write(Variant variant) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Deque<Map.Entry<Integer, String>> malformed = new ArrayDeque<>(variant.edits().malformedLines().entrySet());
        try (JsonGenerator json = FACTORY.createGenerator(new GZIPOutputStream(bytes), JsonEncoding.UTF8)) {
            // One object a line, nothing between them but the line's end.
            json.setRootValueSeparator(null);
            int written = 0;
            for (Iterator<ExportEntry> entries = entries().iterator(); entries.hasNext(); ) {
                ExportEntry entry = entries.next();
                if (!variant.lists(entry.tmdbId(), catalogue)) {
                    continue;
                }
                while (!malformed.isEmpty() && malformed.peek().getKey() <= written) {
                    json.writeRaw(malformed.poll().getValue() + "\n");
                    written++;
                }
                entry.writeTo(json);
                json.writeRaw('\n');
                written++;
            }
            // Lines asked for past the end close the file.
            while (!malformed.isEmpty()) {
                json.writeRaw(malformed.poll().getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a sandbox export", e);
        }
        return bytes.toByteArray();
    }

    /** One line of the export, in TMDb's field order. */
    private record ExportEntry(int tmdbId, String originalTitle, double popularity, boolean adult, boolean video) {

        static ExportEntry of(SandboxMovie movie) {
            return new ExportEntry(movie.tmdbId(), movie.originalTitle(), movie.popularity(), movie.adult(),
                    movie.video());
        }

        void writeTo(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeBooleanField("adult", adult);
            json.writeNumberField("id", tmdbId);
            json.writeStringField("original_title", originalTitle);
            json.writeNumberField("popularity", popularity);
            json.writeBooleanField("video", video);
            json.writeEndObject();
        }
    }

    /**
     * What makes one file differ from another: whether the removals have happened by its day, and the faults'
     * edits.
     */
    private record Variant(boolean afterRemoval, ExportEdits.Snapshot edits) {

        boolean lists(int tmdbId, SandboxCatalogue catalogue) {
            if (edits.dropped().contains(tmdbId)) {
                return false;
            }
            return !afterRemoval || edits.restored().contains(tmdbId)
                    || !catalogue.exportExtras().removed().contains(tmdbId);
        }
    }
}
