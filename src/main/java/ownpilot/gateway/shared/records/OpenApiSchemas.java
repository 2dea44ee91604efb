package ownpilot.gateway.shared.records;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * Describes a {@link RecordSchema}'s rows for the API document: the same fields, in the same order,
 * as {@link RecordRow} writes them. The rows are built from the schema at run time, so the document
 * is built from it too rather than from a second, hand-kept record class.
 */
public final class OpenApiSchemas {

    private OpenApiSchemas() {}

    public static Schema<?> row(RecordSchema schema) {
        ObjectSchema row = new ObjectSchema();
        row.description(schema.entityName() + " as stored (" + schema.table() + ")");
        row.addProperty("id", new StringSchema());
        for (FieldSpec field : schema.fields()) {
            row.addProperty(field.name(), property(field));
        }
        row.addProperty("createdAt", new DateTimeSchema());
        row.addProperty("updatedAt", new DateTimeSchema());
        return row;
    }

    private static Schema<?> property(FieldSpec field) {
        Schema<?> p = switch (field.type()) {
            case TEXT -> {
                StringSchema text = new StringSchema();
                text.maxLength(field.maxLength());
                field.allowed().forEach(text::addEnumItem);
                yield text;
            }
            case BOOLEAN -> new BooleanSchema();
            case INTEGER -> new IntegerSchema().minimum(java.math.BigDecimal.valueOf(field.min()))
                    .maximum(java.math.BigDecimal.valueOf(field.max()));
            case TIMESTAMP -> new DateTimeSchema();
            case DATE -> new DateSchema();
            case TIME -> new StringSchema().pattern("^\\d{2}:\\d{2}(:\\d{2})?$");
            case STRING_LIST -> new ArraySchema().items(new StringSchema());
            case STRING_MAP -> new MapSchema().additionalProperties(new StringSchema());
        };
        if (field.readOnly()) {
            p.readOnly(true);
        }
        return p;
    }
}
