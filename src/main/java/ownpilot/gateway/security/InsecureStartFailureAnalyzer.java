package ownpilot.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One line saying why the gateway will not start and how to enable authentication; no stack trace. */
class InsecureStartFailureAnalyzer extends AbstractFailureAnalyzer<InsecureStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InsecureStartException cause) {
        return new FailureAnalysis(cause.getMessage(), "See the README's Authentication section.", cause);
    }
}
