package ownpilot.gateway.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Chat streaming settings ({@code ownpilot.chat.*}). */
@ConfigurationProperties("ownpilot.chat")
record ChatProperties(@DefaultValue("15000") long heartbeatMs) {}
