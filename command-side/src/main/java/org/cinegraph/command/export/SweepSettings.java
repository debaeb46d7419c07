package org.cinegraph.command.export;

/**
 * What a sweep counts and may decide alone: the export's entries that count ({@link ExportSettings}), and at most {@code removalLimit} removals are
 * recorded without an admin's confirmation ({@code cinegraph.import.max-removals-per-sweep}). With
 * {@code automatic} ({@code cinegraph.import.export-sweep}, on by default) the range's completion and each daily
 * delta sync are followed by a sweep; without it only an admin starts one.
 */
public record SweepSettings(ExportSettings entries, RemovalLimit removalLimit, boolean automatic) {
}
