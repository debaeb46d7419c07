package org.cinegraph.sandbox.tmdb;

import java.time.LocalDate;
import java.time.Year;

/**
 * Which movies a discover request asks for and in what order; paging aside, equal queries get equal
 * answers, which is what lets the index cache them.
 *
 * @param from first release date included, {@link LocalDate#MIN} when unbounded
 * @param to   last release date included, {@link LocalDate#MAX} when unbounded
 */
record DiscoverQuery(LocalDate from, LocalDate to, DiscoverSort sort) {

    static DiscoverQuery all(DiscoverSort sort) {
        return new DiscoverQuery(LocalDate.MIN, LocalDate.MAX, sort);
    }

    DiscoverQuery releasedIn(Year year) {
        return releasedFrom(year.atDay(1)).releasedUntil(year.atMonth(12).atEndOfMonth());
    }

    DiscoverQuery releasedFrom(LocalDate date) {
        return new DiscoverQuery(date.isAfter(from) ? date : from, to, sort);
    }

    DiscoverQuery releasedUntil(LocalDate date) {
        return new DiscoverQuery(from, date.isBefore(to) ? date : to, sort);
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
}
