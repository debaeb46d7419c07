package org.cinegraph.query.festivals;

/** A festival organization with how many ceremonies and nominations of it are recorded. */
record Festival(String abbreviation, String name, long ceremonies, long nominations) {
}
