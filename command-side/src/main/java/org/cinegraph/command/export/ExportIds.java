package org.cinegraph.command.export;

import java.util.BitSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The ids of one export, as bits: TMDb's ids run to a few million, so two sets of them take well under a megabyte,
 * whatever the size of the catalogue or of the file. An id listed twice is one movie.
 *
 * <p>An id counts toward TMDb's total when the settings include its entry (adult and video entries only when asked
 * for), or when the catalogue already holds it (a list or a festival imported it): a counted id with an outcome is
 * accounted for, one without is what the sweep imports.
 */
public final class ExportIds implements Consumer<ExportEntry> {

    private final BitSet held;
    private final boolean includeAdult;
    private final boolean includeVideo;
    private final BitSet listed = new BitSet();
    private final BitSet counted = new BitSet();

    /** @param held the ids the catalogue has an outcome for; read, never changed */
    public ExportIds(BitSet held, boolean includeAdult, boolean includeVideo) {
        this.held = held;
        this.includeAdult = includeAdult;
        this.includeVideo = includeVideo;
    }

    @Override
    public void accept(ExportEntry entry) {
        int id = entry.tmdbId();
        listed.set(id);
        if (held.get(id) || (includeAdult || !entry.adult()) && (includeVideo || !entry.video())) {
            counted.set(id);
        }
    }

    /** The distinct ids the export lists. */
    public long listed() {
        return listed.cardinality();
    }

    /** The distinct ids that count toward TMDb's total. */
    public long counted() {
        return counted.cardinality();
    }

    /** How many counted ids are above {@code afterId} and at most {@code throughId}. */
    public long countedBetween(int afterId, int throughId) {
        return throughId <= afterId ? 0 : counted.get(Math.max(0, afterId + 1), throughId + 1).cardinality();
    }

    /** The counted ids above {@code afterId} that had no outcome when the export was read, ascending. */
    public IntStream missingAfter(int afterId) {
        return counted.stream().filter(id -> id > afterId && !held.get(id));
    }

    /** How many counted ids had no outcome when the export was read. */
    public long missing() {
        BitSet missing = (BitSet) counted.clone();
        missing.andNot(held);
        return missing.cardinality();
    }

    /**
     * The ids with an outcome that the export no longer lists, but for those recorded as removed already.
     *
     * @param removed the ids recorded as removed from TMDb and not restored
     */
    public BitSet removals(BitSet removed) {
        BitSet removals = (BitSet) held.clone();
        removals.andNot(listed);
        removals.andNot(removed);
        return removals;
    }

    /** Those of {@code removed} the export lists again. */
    public BitSet restorations(BitSet removed) {
        BitSet restorations = (BitSet) removed.clone();
        restorations.and(listed);
        return restorations;
    }
}
