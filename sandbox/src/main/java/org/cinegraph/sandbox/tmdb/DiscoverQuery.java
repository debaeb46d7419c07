package org.cinegraph.sandbox.tmdb;

import java.time.LocalDate;
import java.time.Year;

import org.cinegraph.sandbox.catalogue.SandboxMovie;

/**
 * Which movies a discover request asks for and in what order; paging aside, equal queries get equal
 * answers, which is what lets the index cache them.
 *
 * @param from         first release date included, {@link LocalDate#MIN} when unbounded
 * @param to           last release date included, {@link LocalDate#MAX} when unbounded
 * @param includeAdult TMDb's {@code include_adult}: adult entries are left out unless it is set
 * @param includeVideo TMDb's {@code include_video}: video entries are left out unless it is set
 */
record DiscoverQuery(LocalDate from, LocalDate to, DiscoverSort sort, boolean includeAdult, boolean includeVideo) {

    static DiscoverQuery all(DiscoverSort sort) {
        return new DiscoverQuery(LocalDate.MIN, LocalDate.MAX, sort, false, false);
    }

    DiscoverQuery including(boolean adult, boolean video) {
        return new DiscoverQuery(from, to, sort, adult, video);
    }

    DiscoverQuery releasedIn(Year year) {
        return releasedFrom(year.atDay(1)).releasedUntil(year.atMonth(12).atEndOfMonth());
    }

    DiscoverQuery releasedFrom(LocalDate date) {
        return new DiscoverQuery(date.isAfter(from) ? date : from, to, sort, includeAdult, includeVideo);
    }

    DiscoverQuery releasedUntil(LocalDate date) {
        return new DiscoverQuery(from, date.isBefore(to) ? date : to, sort, includeAdult, includeVideo);
    }

    boolean touches(int year) {
        return from.getYear() <= year && year <= to.getYear();
    }

    boolean covers(int year) {
        return !from.isAfter(LocalDate.of(year, 1, 1)) && !to.isBefore(LocalDate.of(year, 12, 31));
    }

    boolean includes(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /**
     * Whether discover lists one of the catalogue's extra movies: of them it knows the adult and video entries
     * only, each only when asked to include its kind and when its date lies in the window. The others are what
     * the daily export alone finds.
     */
    boolean lists(SandboxMovie extra) {
        boolean asked = (extra.adult() || extra.video())
                && (!extra.adult() || includeAdult)
                && (!extra.video() || includeVideo);
        return asked && extra.releaseDate() != null && includes(extra.releaseDate());
    }
}
