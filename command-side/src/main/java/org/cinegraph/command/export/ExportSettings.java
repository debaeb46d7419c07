package org.cinegraph.command.export;

import java.util.BitSet;

/**
 * Which entries of TMDb's export count toward its total and the sweep ({@code cinegraph.import.include-adult} and
 * {@code include-video}): TMDb's discover leaves adult and video entries out by default, and so does the importer.
 */
public record ExportSettings(boolean includeAdult, boolean includeVideo) {

    /** The ids of one export read with these settings, against the ids the catalogue holds. */
    public ExportIds ids(BitSet held) {
        return new ExportIds(held, includeAdult, includeVideo);
    }
}
