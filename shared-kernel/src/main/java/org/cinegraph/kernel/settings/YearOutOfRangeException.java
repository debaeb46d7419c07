package org.cinegraph.kernel.settings;

/** A year outside the range TMDb's catalogue can hold. */
public class YearOutOfRangeException extends IllegalArgumentException {

    private final int year;

    public YearOutOfRangeException(int year, int earliest, int latest) {
        super("Year " + year + " is outside the importable range " + earliest + " to " + latest + ".");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
