package org.cinegraph.app.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches on a node whose {@code cinegraph.roles} include {@code query}. */
public class QueryRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Roles.has(context.getEnvironment(), Roles.QUERY);
    }
}
