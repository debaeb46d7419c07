package org.cinegraph.events;

import java.time.LocalDate;

/** The primary release dates {@code from} to {@code to}, both included: a slice of a year to discover. */
public record DateWindow(LocalDate from, LocalDate to) {

    public DateWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A date window cannot end before it starts: " + from + ".." + to);
        }
    }

    public static DateWindow wholeYear(int year) {
        return new DateWindow(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
