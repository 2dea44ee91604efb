package ownpilot.gateway.personaldata;

import static ownpilot.gateway.shared.records.FieldSpec.of;
import static ownpilot.gateway.shared.records.FieldSpec.text;

import java.util.List;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.QueryParams;
import ownpilot.gateway.shared.records.FieldFormat;
import ownpilot.gateway.shared.records.FieldType;
import ownpilot.gateway.shared.records.RecordSchema;
import ownpilot.gateway.shared.records.RecordStore;
import ownpilot.gateway.shared.records.SqlFilter;

/** Notes: archived ones are listed only with {@code archived=true}; pinned first, then most recent. */
@Component
class NoteRecords extends PersonalRecords {

    static final int MAX_CONTENT = 65_536;

    static final RecordSchema SCHEMA = new RecordSchema("notes", "Note", List.of(
            text("title", "title").asRequired().maxLength(500),
            text("content", "content").asRequired().maxLength(MAX_CONTENT),
            text("contentType", "content_type").oneOf(List.of("markdown", "text", "html")),
            text("category", "category").maxLength(100),
            of("tags", "tags", FieldType.STRING_LIST),
            of("isPinned", "is_pinned", FieldType.BOOLEAN),
            of("isArchived", "is_archived", FieldType.BOOLEAN),
            text("color", "color").maxLength(9).format(FieldFormat.HEX_COLOR)));

    NoteRecords(RecordStore store) {
        super(store, SCHEMA);
    }

    @Override
    String noun() {
        return "note";
    }

    @Override
    String orderBy() {
        return "is_pinned DESC, updated_at DESC, id";
    }

    @Override
    List<FilterParam> filters() {
        return List.of(
                new FilterParam("category", "string", "Only notes in this category"),
                new FilterParam("pinned", "boolean", "Only pinned notes when true"),
                new FilterParam("archived", "boolean", "Archived notes instead of active ones when true"),
                new FilterParam("search", "string", "Words to find in title or content"));
    }

    @Override
    SqlFilter filter(String userId, QueryParams params) {
        Boolean archived = params.bool("archived");
        return new SqlFilter()
                .equal("category", params.text("category"))
                .equal("is_pinned", params.bool("pinned"))
                .equal("is_archived", archived == null ? Boolean.FALSE : archived)
                .search(params.text("search"), List.of("title", "content"));
    }
}
