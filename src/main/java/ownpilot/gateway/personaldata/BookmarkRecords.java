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

/** Bookmarks: favourites first, then the most recently changed. */
@Component
class BookmarkRecords extends PersonalRecords {

    static final RecordSchema SCHEMA = new RecordSchema("bookmarks", "Bookmark", List.of(
            text("url", "url").asRequired().maxLength(2048).format(FieldFormat.HTTP_URL),
            text("title", "title").asRequired().maxLength(500),
            text("description", "description").maxLength(10_000),
            text("favicon", "favicon").maxLength(2048).format(FieldFormat.HTTP_URL),
            text("category", "category").maxLength(100),
            of("tags", "tags", FieldType.STRING_LIST),
            of("isFavorite", "is_favorite", FieldType.BOOLEAN),
            of("visitCount", "visit_count", FieldType.INTEGER).asReadOnly(),
            of("lastVisitedAt", "last_visited_at", FieldType.TIMESTAMP).asReadOnly()));

    BookmarkRecords(RecordStore store) {
        super(store, SCHEMA);
    }

    @Override
    String noun() {
        return "bookmark";
    }

    @Override
    String orderBy() {
        return "is_favorite DESC, updated_at DESC, id";
    }

    @Override
    List<FilterParam> filters() {
        return List.of(
                new FilterParam("category", "string", "Only bookmarks in this category"),
                new FilterParam("favorite", "boolean", "Only favourites when true"),
                new FilterParam("search", "string", "Words to find in title, description or URL"));
    }

    @Override
    SqlFilter filter(String userId, QueryParams params) {
        return new SqlFilter()
                .equal("category", params.text("category"))
                .equal("is_favorite", params.bool("favorite"))
                .search(params.text("search"), List.of("title", "description", "url"));
    }
}
