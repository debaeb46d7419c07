package org.cinegraph.app.alerts;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code cinegraph.alerts.webhook-url} is set to something: empty, the alerts are off. */
class WebhookConfiguredCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("cinegraph.alerts.webhook-url");
        return url != null && !url.isBlank();
    }
}
