package ownpilot.gateway.shared.records;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * JSON text read from a {@code jsonb} column, written into responses as is. PostgreSQL only ever
 * returns valid JSON from {@code jsonb}, so re-parsing it for every row would only cost time.
 */
@JsonSerialize(using = RawJson.Serializer.class)
@io.swagger.v3.oas.annotations.media.Schema(description = "Stored JSON (an object or an array), sent as is",
        types = {"object", "array"})
public record RawJson(String json) {

    /** The column's JSON, or null for SQL NULL. */
    public static RawJson ofNullable(String json) {
        return json == null ? null : new RawJson(json);
    }

    @Override
    public String toString() {
        return json;
    }

    static final class Serializer extends ValueSerializer<RawJson> {
        @Override
        public void serialize(RawJson value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeRawValue(value.json());
        }
    }
}
