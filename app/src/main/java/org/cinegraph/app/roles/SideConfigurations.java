package org.cinegraph.app.roles;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Each side of the application is scanned only on a node that runs it ({@link Roles}). */
final class SideConfigurations {

    private SideConfigurations() {
    }

    /** Aggregates, the year-import runner, the schedule, the delta sync, the admin triggers. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(CommandRoleCondition.class)
    @ComponentScan("org.cinegraph.command")
    static class CommandSide {
    }

    /** Projections, replay and the read API. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(QueryRoleCondition.class)
    @ComponentScan("org.cinegraph.query")
    static class QuerySide {
    }
}
