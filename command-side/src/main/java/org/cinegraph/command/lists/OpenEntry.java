package org.cinegraph.command.lists;

/** A member of a canonical list not yet found in TMDb: never looked up, or looked up in vain. */
record OpenEntry(String key, String imdbId, String title, Integer year, int attempts) {
}
