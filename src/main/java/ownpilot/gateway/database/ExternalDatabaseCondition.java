package ownpilot.gateway.database;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when an external database URL is configured (a non-blank {@code ownpilot.database.url}). */
class ExternalDatabaseCondition extends NoExternalDatabaseCondition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
