package ownpilot.gateway.llm;

/** A tool call the model asked for; {@code arguments} is the JSON text, assembled from all streamed parts. */
public record ModelToolCall(String id, String name, String arguments) {}
