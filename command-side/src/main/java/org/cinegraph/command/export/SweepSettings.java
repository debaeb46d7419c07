package org.cinegraph.command.export;

/**
 * What a sweep counts and may decide alone: adult and video entries of the export count only when included
 * ({@code cinegraph.import.include-adult}, {@code include-video}), and at most {@code removalLimit} removals are
 * recorded without an admin's confirmation ({@code cinegraph.import.max-removals-per-sweep}).
 */
public record SweepSettings(boolean includeAdult, boolean includeVideo, RemovalLimit removalLimit) {
}
