package ownpilot.gateway.llm;

import tools.jackson.databind.JsonNode;

/** A tool offered to the model: its name, description and JSON-schema parameters. */
public record ModelTool(String name, String description, JsonNode parameters) {}
