package org.cinegraph.app.tmdb;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Sandbox mode: {@code cinegraph.sandbox.enabled} when it is set, otherwise on exactly when neither TMDb
 * credential is configured, so a first run works with no account and a configured one talks to TMDb. The
 * Academy's pages are then served by the sandbox too.
 */
public class SandboxModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return sandboxMode(context.getEnvironment());
    }

    static boolean sandboxMode(Environment environment) {
        String enabled = environment.getProperty("cinegraph.sandbox.enabled");
        if (StringUtils.hasText(enabled)) {
            return Boolean.parseBoolean(enabled.trim());
        }
        return !StringUtils.hasText(environment.getProperty("cinegraph.tmdb.api-token"))
                && !StringUtils.hasText(environment.getProperty("cinegraph.tmdb.api-key"));
    }
}
