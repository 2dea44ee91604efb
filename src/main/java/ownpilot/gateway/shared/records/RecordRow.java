package ownpilot.gateway.shared.records;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.AbstractSet;
import java.util.Iterator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One stored record as a read-only map from JSON field names to values, backed by two arrays (the
 * names are shared by every row of a schema). Lists of hundreds of rows are the gateway's hottest
 * responses, and this keeps them from allocating a hash map per row.
 */
@JsonSerialize(using = RecordRow.Serializer.class)
public final class RecordRow extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;

    RecordRow(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                List<Entry<String, Object>> entries = new ArrayList<>(names.length);
                for (int i = 0; i < names.length; i++) {
                    entries.add(new SimpleImmutableEntry<>(names[i], values[i]));
                }
                return entries.iterator();
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    static final class Serializer extends ValueSerializer<RecordRow> {
        @Override
        public void serialize(RecordRow row, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            for (int i = 0; i < row.names.length; i++) {
                gen.writeName(row.names[i]);
                Object value = row.values[i];
                switch (value) {
                    case null -> gen.writeNull();
                    case String s -> gen.writeString(s);
                    case Boolean b -> gen.writeBoolean(b);
                    case Integer n -> gen.writeNumber(n);
                    case RawJson raw -> gen.writeRawValue(raw.json());
                    default -> ctxt.writeValue(gen, value);
                }
            }
            gen.writeEndObject();
        }
    }
}
