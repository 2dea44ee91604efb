package ownpilot.gateway.personaldata;

import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.RecordSchema;
import ownpilot.gateway.shared.records.RecordStore;
import ownpilot.gateway.shared.records.SqlFilter;
import ownpilot.gateway.shared.records.FieldSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One personal-data resource: its schema, list filters and ordering, and the rules that span fields.
 * The REST controller and the assistant's tools both go through it, so both validate alike.
 */
abstract class PersonalRecords {

    static final int DEFAULT_LIMIT = 100;

    /** A list filter, described for the tools' JSON-schema. */
    record FilterParam(String name, String type, String description, List<String> allowed) {
        FilterParam(String name, String type, String description) {
            this(name, type, description, List.of());
        }
    }

    protected final RecordStore store;
    protected final RecordSchema schema;

    PersonalRecords(RecordStore store, RecordSchema schema) {
        this.store = store;
        this.schema = schema;
    }

    RecordSchema schema() {
        return schema;
    }

    /** Singular noun used in tool names and messages, e.g. {@code task}. */
    abstract String noun();

    /** The tool argument that carries a record's id, e.g. {@code taskId}. */
    String idParam() {
        return noun() + "Id";
    }

    /** The tool category, e.g. {@code tasks}. */
    String toolCategory() {
        return schema.table();
    }

    abstract String orderBy();

    abstract List<FilterParam> filters();

    abstract SqlFilter filter(String userId, QueryParams params);

    /** Checks rules spanning fields; {@code existing} is the stored record on update, null on create. */
    void checkConsistency(String userId, Map<String, Object> existing, Map<String, Object> values) {}

    /** Trusted SQL assignments derived from an update, e.g. a completion time. */
    List<String> derivedAssignments(Map<String, Object> values) {
        return List.of();
    }

    /** Another client's field names mapped onto the spec's, before validation; the body as is by default. */
    JsonNode normalize(String userId, JsonNode body) {
        return body;
    }

    @Transactional
    Map<String, Object> create(Actor actor, JsonNode body) {
        String userId = actor.userId();
        Map<String, Object> values = schema.forCreate(normalize(userId, body));
        checkConsistency(userId, null, values);
        Map<String, Object> created = store.insert(schema, userId, Ids.uuid(), values);
        created(actor, created);
        return created;
    }

    /** Told of every stored record, in the transaction that stored it (when there is one). */
    void created(Actor actor, Map<String, Object> record) {}

    /** Told of every change, with the record before and after it. */
    void updated(Actor actor, Map<String, Object> before, Map<String, Object> after) {}

    /** The body without what the server sets: {@code id}, {@code createdAt}, {@code updatedAt}, read-only fields. */
    JsonNode withoutSystemFields(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("id", "userId", "createdAt", "updatedAt"));
        schema.fields().stream().filter(FieldSpec::readOnly).forEach(f -> copy.remove(f.name()));
        return copy;
    }

    /** Flips a boolean field (favourite, pinned): the web UI's one-click toggles. */
    Map<String, Object> toggle(Actor actor, String id, String field) {
        boolean now = Boolean.TRUE.equals(get(actor.userId(), id).get(field));
        return update(actor, id, JsonNodeFactory.instance.objectNode().put(field, !now));
    }

    Map<String, Object> get(String userId, String id) {
        return store.find(schema, userId, id).orElseThrow(() -> ApiException.notFound(schema.entityName()));
    }

    @Transactional
    Map<String, Object> update(Actor actor, String id, JsonNode body) {
        String userId = actor.userId();
        Map<String, Object> values = schema.forPatch(normalize(userId, body));
        Map<String, Object> before = get(userId, id);
        checkConsistency(userId, before, values);
        Map<String, Object> after = store.update(schema, userId, id, values, derivedAssignments(values))
                .orElseThrow(() -> ApiException.notFound(schema.entityName()));
        updated(actor, before, after);
        return after;
    }

    void delete(String userId, String id) {
        if (!store.delete(schema, userId, id)) {
            throw ApiException.notFound(schema.entityName());
        }
    }

    List<Map<String, Object>> list(String userId, QueryParams params) {
        return store.list(schema, userId, filter(userId, params), orderBy(), params.paging(DEFAULT_LIMIT));
    }

    List<Map<String, Object>> list(String userId, SqlFilter filter, QueryParams params) {
        return store.list(schema, userId, filter, orderBy(), params.paging(DEFAULT_LIMIT));
    }

    /** The column that groups records for {@code GET /<resource>/categories}. */
    String categoryColumn() {
        return "category";
    }

    List<String> categories(String userId) {
        return store.distinct(schema, userId, categoryColumn());
    }
}
