package ownpilot.gateway.personaldata;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.Deleted;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** The CRUD routes every personal-data resource shares; subclasses add their mount and extra views. */
abstract class PersonalRecordController {

    protected final PersonalRecords records;
    protected final CurrentUser user;

    PersonalRecordController(PersonalRecords records, CurrentUser user) {
        this.records = records;
        this.user = user;
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam MultiValueMap<String, String> params) {
        return records.list(user.id(), new QueryParams(QueryParams.joined(params)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody JsonNode body) {
        return records.create(user.actor(), body);
    }

    @GetMapping("/categories")
    List<String> categories() {
        return records.categories(user.id());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return records.get(user.id(), id);
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body) {
        return records.update(user.actor(), id, body);
    }

    /**
     * The web UI's Data Browser saves the whole record it was given, its own fields included: those
     * ({@code id}, timestamps, read-only fields) are set aside and the rest is applied as a patch.
     */
    @PutMapping("/{id}")
    Map<String, Object> replace(@PathVariable String id, @RequestBody JsonNode body) {
        return records.update(user.actor(), id, records.withoutSystemFields(body));
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        records.delete(user.id(), id);
        return Deleted.of(id);
    }
}
