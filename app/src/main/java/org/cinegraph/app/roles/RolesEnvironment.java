package org.cinegraph.app.roles;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings that follow from a node's roles, before any bean is made. A node without the command role runs no
 * db-scheduler at all: it has none of the schedule's tasks, and a scheduler that sees a task it does not know
 * deletes its executions after two weeks.
 */
public class RolesEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Roles.of(environment).contains(Roles.COMMAND)) {
            environment.getPropertySources().addFirst(new MapPropertySource("cinegraph-roles",
                    Map.of("db-scheduler.enabled", "false")));
        }
    }
}
