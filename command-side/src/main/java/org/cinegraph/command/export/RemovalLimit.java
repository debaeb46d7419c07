package org.cinegraph.command.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many removals one sweep records without an admin's confirmation ({@code cinegraph.import.max-removals-per-sweep}):
 * a number of movies ({@code 500}), or a share of the catalogue ({@code 1%}, the default). An export that would remove
 * more is more likely broken than right: TMDb removes a few movies a day.
 */
public record RemovalLimit(long movies, BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*|\\s*(\\d{1,3}(?:\\.\\d{1,4})?)\\s*%\\s*");

    public RemovalLimit {
        if ((percent == null) == (movies < 0) || percent != null && (percent.signum() < 0
                || percent.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("A removal limit is a number of movies or a share from 0 % to 100 %");
        }
    }

    /** @throws IllegalArgumentException unless {@code text} is a number of movies or a percentage */
    public static RemovalLimit parse(String text) {
        Matcher form = FORM.matcher(text == null ? "" : text);
        if (!form.matches() || form.group(2) != null && new BigDecimal(form.group(2)).compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("cinegraph.import.max-removals-per-sweep must be a number of movies "
                    + "(500) or a share of the catalogue (1%), not '" + text + "'");
        }
        return form.group(1) != null ? new RemovalLimit(Long.parseLong(form.group(1)), null)
                : new RemovalLimit(-1, new BigDecimal(form.group(2)));
    }

    /** The most removals one sweep records unconfirmed, in a catalogue of {@code catalogue} movies (rounded down). */
    public long of(long catalogue) {
        return percent == null ? movies : BigDecimal.valueOf(catalogue).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
    }

    @Override
    public String toString() {
        return percent == null ? Long.toString(movies) : percent.toPlainString() + "%";
    }
}
