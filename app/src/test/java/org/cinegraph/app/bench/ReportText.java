package org.cinegraph.app.bench;

import java.util.Locale;

/** How the benchmarks' Markdown reports write a row of their table of measures, and the figures in it. */
final class ReportText {

    private ReportText() {
    }

    static void row(StringBuilder table, String measure, String value) {
        table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String mebibytes(long bytes) {
        return number(bytes >> 20) + " MiB";
    }
}
