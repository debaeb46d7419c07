package org.cinegraph.sandbox.catalogue;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a catalogue holds for a client of TMDb's daily ID export to find, by TMDb id, so that tests can name these
 * movies without copying numbers. Each set is ascending; the five kinds of extra movies do not overlap, and every
 * one of them is fetchable from {@code /3/movie/{id}} and listed in every export. None of them is in the
 * catalogue's years, counts or change feed.
 *
 * @param undated        movies with no release date: TMDb's release-date filters never list them
 * @param announced      movies dated in the two years after the catalogue's newest year, three in each
 * @param preCinema      movies dated 1870 to 1873, before the first year the importer reads (1874)
 * @param adult          adult entries, dated within the catalogue's years: discover lists them only with
 *                       {@code include_adult=true}
 * @param video          video entries, dated within the catalogue's years: discover lists them only with
 *                       {@code include_video=true}
 * @param failingQuality the extras, of every kind, built to fail the importer's quality filter: no poster, fewer
 *                       than ten votes, popularity under 0.5, which leaves at most a release date
 * @param removed        three generated movies of the catalogue's middle year, each meeting every quality
 *                       criterion, that TMDb deletes: the exports from the server's removal day on leave them out,
 *                       while discover and details go on serving them (see {@code SandboxExports})
 */
public record ExportExtras(
        Set<Integer> undated,
        Set<Integer> announced,
        Set<Integer> preCinema,
        Set<Integer> adult,
        Set<Integer> video,
        Set<Integer> failingQuality,
        Set<Integer> removed) {

    public ExportExtras {
        undated = sorted(undated);
        announced = sorted(announced);
        preCinema = sorted(preCinema);
        adult = sorted(adult);
        video = sorted(video);
        failingQuality = sorted(failingQuality);
        removed = sorted(removed);
    }

    /** Every extra movie, of the five kinds; the removed movies are generated ones, not extras. */
    public Set<Integer> all() {
        return sorted(Stream.of(undated, announced, preCinema, adult, video).flatMap(Set::stream).toList());
    }

    private static Set<Integer> sorted(Collection<Integer> ids) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }
}
