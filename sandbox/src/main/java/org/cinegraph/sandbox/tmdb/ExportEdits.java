package org.cinegraph.sandbox.tmdb;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the faults change in TMDb's daily ID exports while they are made: movies dropped from every export (a
 * removal on demand), movies listed again (a removal undone, the catalogue's own removals included), and lines
 * that are no JSON put in at given places. The faults switch them here and the exports read them when they make a
 * file, so that the file is made with them rather than taken apart afterwards.
 */
public final class ExportEdits {

    private volatile Snapshot current = Snapshot.NONE;
    private volatile Instant madeAt;

    /** Every export says it was made at {@code instant}; null: when it is asked for, as a file made on demand. */
    public void madeAt(Instant instant) {
        madeAt = instant;
    }

    /** When the exports say they were made, or null for when each is asked for. */
    Instant madeAt() {
        return madeAt;
    }

    /** These movies are missing from every export from now on, until restored. */
    public synchronized void drop(Set<Integer> tmdbIds) {
        Set<Integer> dropped = new HashSet<>(current.dropped());
        Set<Integer> restored = new HashSet<>(current.restored());
        dropped.addAll(tmdbIds);
        restored.removeAll(tmdbIds);
        current = new Snapshot(dropped, restored, current.malformedLines());
    }

    /**
     * These movies are listed again in every export: the ones {@link #drop} took out, and the catalogue's own
     * removals, as for a movie TMDb undeleted.
     */
    public synchronized void restore(Set<Integer> tmdbIds) {
        Set<Integer> dropped = new HashSet<>(current.dropped());
        Set<Integer> restored = new HashSet<>(current.restored());
        dropped.removeAll(tmdbIds);
        restored.addAll(tmdbIds);
        current = new Snapshot(dropped, restored, current.malformedLines());
    }

    /** @param linesByPosition each line put in at its place in the file, counted from 0; none switches this off */
    public synchronized void malformedLines(Map<Integer, String> linesByPosition) {
        current = new Snapshot(current.dropped(), current.restored(), linesByPosition);
    }

    public synchronized void reset() {
        current = Snapshot.NONE;
        madeAt = null;
    }

    Snapshot snapshot() {
        return current;
    }

    /**
     * The edits as they stood when a file was asked for; equal edits make equal files, which lets them be cached.
     *
     * @param malformedLines by position, ascending
     */
    record Snapshot(Set<Integer> dropped, Set<Integer> restored, Map<Integer, String> malformedLines) {

        static final Snapshot NONE = new Snapshot(Set.of(), Set.of(), Map.of());

        Snapshot {
            dropped = Set.copyOf(dropped);
            restored = Set.copyOf(restored);
            malformedLines = Collections.unmodifiableSortedMap(new TreeMap<>(malformedLines));
        }
    }
}
