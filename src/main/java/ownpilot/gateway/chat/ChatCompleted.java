package ownpilot.gateway.chat;

import ownpilot.gateway.shared.Actor;

/**
 * Published after every chat run, answered or failed. {@code message} is the user's text and
 * {@code reply} the answer (partial when it failed): in-process listeners only, such as memory
 * extraction; the live-event frame leaves both out. {@code actor} ran the turn (a trigger's turn never
 * fires event triggers, so that a trigger cannot fire itself in a loop).
 */
public record ChatCompleted(String userId, String conversationId, String messageId, String provider, String model,
        String finishReason, int inputTokens, int outputTokens, int toolCalls, long durationMs, boolean streamed,
        String error, String message, String reply, Actor actor) {}
