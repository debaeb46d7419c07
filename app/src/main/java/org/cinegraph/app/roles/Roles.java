package org.cinegraph.app.roles;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * {@code cinegraph.roles}: which sides of the application this node runs. {@code command} records what
 * happens: year imports, the daily schedule, the delta sync and the admin actions that start them.
 * {@code query} keeps the projections and answers the read API. Several nodes may share one database, each with
 * its own roles; a node has at least one.
 */
public final class Roles {

    public static final String PROPERTY = "cinegraph.roles";
    public static final String COMMAND = "command";
    public static final String QUERY = "query";
    private static final String DEFAULT = COMMAND + "," + QUERY;

    private Roles() {
    }

    /** @throws IllegalStateException for a role that does not exist, or none at all */
    public static Set<String> of(Environment environment) {
        String value = environment.getProperty(PROPERTY, DEFAULT);
        Set<String> roles = new LinkedHashSet<>();
        for (String role : value.split(",")) {
            String trimmed = role.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.equals(COMMAND) && !trimmed.equals(QUERY)) {
                throw new IllegalStateException(PROPERTY + " holds '" + role.trim() + "'; the roles are " + COMMAND
                        + " and " + QUERY + ", separated by commas (default " + DEFAULT + ").");
            }
            roles.add(trimmed);
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty; give " + COMMAND + ", " + QUERY + " or both.");
        }
        return roles;
    }

    static boolean has(Environment environment, String role) {
        return of(environment).contains(role);
    }
}
