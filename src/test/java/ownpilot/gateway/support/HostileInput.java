package ownpilot.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The hostile inputs every CRUD resource must refuse with a 4xx envelope while changing
 * nothing: malformed JSON, wrong types, unknown enum values, 100 KB strings, SQL-looking search
 * text, non-object bodies and unknown ids.
 */
public final class HostileInput {

    private HostileInput() {}

    public static void assertRefusedWithoutChange(Api api, String path, Map<String, Object> valid, String textField,
            String enumField, String table, LongSupplier rowCount) {
        String id = api.post(path, valid).data().path("id").asString();
        String before = api.get(path + "/" + id).data().toString();
        long rows = rowCount.getAsLong();

        List<Object> bodies = List.of(
                "{\"" + textField + "\": ",
                "[1,2,3]",
                "\"just a string\"",
                with(valid, textField, 12345),
                with(valid, textField, "x".repeat(100_000)),
                with(valid, textField, null),
                with(valid, "tags", "not-a-list"),
                with(valid, "unexpectedField", "value"));
        for (Object body : bodies) {
            expect4xx(api.post(path, body), "POST " + path + " " + abbreviate(body));
            expect4xx(api.patch(path + "/" + id, body), "PATCH " + path + " " + abbreviate(body));
        }
        if (enumField != null) {
            expect4xx(api.post(path, with(valid, enumField, "definitely-not-valid")), "enum " + enumField);
            expect4xx(api.patch(path + "/" + id, Map.of(enumField, "DROP TABLE")), "enum patch " + enumField);
        }
        expect4xx(api.patch(path + "/" + id, Map.of()), "empty patch");
        for (String unknown : List.of("no-such-id", "00000000-0000-0000-0000-000000000000", "1'%20OR%20'1'='1")) {
            assertThat(api.get(path + "/" + unknown).status()).isEqualTo(404);
            assertThat(api.patch(path + "/" + unknown, valid).status()).isEqualTo(404);
            assertThat(api.delete(path + "/" + unknown).status()).isEqualTo(404);
        }
        for (String query : List.of("search=%27%3B%20DROP%20TABLE%20" + table + "%3B%20--", "search=%25%25_%5C",
                "limit=-1", "limit=abc", "limit=100000", "offset=-5", "search=" + "a".repeat(300))) {
            Api.Response r = api.get(path + "?" + query);
            assertThat(r.status()).as(query).isIn(200, 400);
            assertThat(r.body().path("success").isBoolean()).isTrue();
        }
        assertThat(rowCount.getAsLong()).isEqualTo(rows);
        assertThat(api.get(path + "/" + id).data().toString()).isEqualTo(before);
        api.delete(path + "/" + id);
    }

    /** A 4xx error envelope with a client-mistake code. */
    public static void expect4xx(Api.Response r, String what) {
        assertThat(r.status()).as(what).isBetween(400, 499);
        assertThat(r.body().path("success").asBoolean()).as(what).isFalse();
        assertThat(r.errorCode()).as(what).isIn("BAD_REQUEST", "VALIDATION_ERROR");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static String abbreviate(Object body) {
        String text = String.valueOf(body);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
