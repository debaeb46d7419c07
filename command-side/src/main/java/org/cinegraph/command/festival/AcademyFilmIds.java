package org.cinegraph.command.festival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cinegraph.command.tmdb.TitleKey;
import org.cinegraph.events.NominationRecorded;
import org.springframework.stereotype.Component;

/**
 * The IMDb ids of the films nominated for Academy Awards, from the bundled {@code oscars.csv} (module
 * oscars-data, BSD-2): oscars.org's pages name a film only by its title, and an IMDb id finds it in TMDb
 * exactly. Known by the year the ceremony was held (ceremony N in 1928 + N) and the film's {@link TitleKey}.
 * Read once, when first asked.
 */
@Component
class AcademyFilmIds {

    private static final String RESOURCE = "/oscars/oscars.csv";
    private static final int FIRST_CEREMONY_YEAR_OFFSET = 1928;
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{7,10}");

    private volatile Map<String, String> byCeremonyAndFilm;

    /**
     * The IMDb id of the nomination's film, when it is the Academy's and the Academy's data names the film in that
     * ceremony; else null.
     */
    String imdbIdOf(NominationRecorded nomination) {
        return CeremonyImport.AMPAS.equals(nomination.organization())
                ? imdbId(nomination.year(), nomination.film()).orElse(null) : null;
    }

    /** The film's IMDb id, when the Academy's data names the film in that ceremony. */
    Optional<String> imdbId(int ceremonyYear, String film) {
        String key = TitleKey.of(film);
        return key == null ? Optional.empty() : Optional.ofNullable(ids().get(ceremonyYear + "\t" + key));
    }

    private Map<String, String> ids() {
        Map<String, String> ids = byCeremonyAndFilm;
        if (ids == null) {
            synchronized (this) {
                if (byCeremonyAndFilm == null) {
                    byCeremonyAndFilm = read();
                }
                ids = byCeremonyAndFilm;
            }
        }
        return ids;
    }

    private static Map<String, String> read() {
        Map<String, String> ids = new HashMap<>();
        try (InputStream file = AcademyFilmIds.class.getResourceAsStream(RESOURCE)) {
            if (file == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (module oscars-data)");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8));
            lines.readLine();
            String line;
            while ((line = lines.readLine()) != null) {
                String[] field = line.split("\t", -1);
                if (field.length < 7 || field[0].isBlank()) {
                    continue;
                }
                int year = FIRST_CEREMONY_YEAR_OFFSET + Integer.parseInt(field[0].trim());
                String[] films = field[5].split("\\|");
                String[] filmIds = field[6].split("\\|");
                for (int i = 0; i < Math.min(films.length, filmIds.length); i++) {
                    String key = TitleKey.of(films[i]);
                    if (key != null && IMDB_ID.matcher(filmIds[i].trim()).matches()) {
                        ids.putIfAbsent(year + "\t" + key, filmIds[i].trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(ids);
    }
}
