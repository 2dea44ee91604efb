package ownpilot.gateway.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of provider calls ({@code ownpilot.llm.*}). */
@ConfigurationProperties("ownpilot.llm")
record LlmProperties(@DefaultValue("10000") long connectTimeoutMs, @DefaultValue("120000") long headersTimeoutMs,
        @DefaultValue("60000") long stallTimeoutMs, @DefaultValue("3") int maxAttempts,
        @DefaultValue("500") long retryBaseMs) {}
