package ownpilot.gateway.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import tools.jackson.databind.JsonNode;

/**
 * The profile (spec §26), and the web UI's quick setup, single entries, export and import. The
 * literal routes are matched before {@code /{category}}, so {@code /profile/export} is never a category.
 */
@RestController
@RequestMapping("/api/v1/profile")
class ProfileController {

    record Summary(String summary) {}

    record Category(String category, JsonNode data) {}

    private final ProfileService profiles;
    private final CurrentUser user;

    ProfileController(ProfileService profiles, CurrentUser user) {
        this.profiles = profiles;
        this.user = user;
    }

    @GetMapping
    ProfileView get() {
        return profiles.view(user.id());
    }

    @PutMapping
    ProfileView replace(@RequestBody JsonNode body) {
        return profiles.replace(user.id(), body);
    }

    @PatchMapping
    ProfileView patch(@RequestBody JsonNode body) {
        return profiles.patch(user.id(), body);
    }

    @GetMapping("/summary")
    Summary summary() {
        return new Summary(profiles.summary(user.id()));
    }

    @PostMapping("/quick")
    ProfileService.Updated quick(@RequestBody JsonNode body) {
        return profiles.quick(user.id(), body);
    }

    @PostMapping("/data")
    @ResponseStatus(HttpStatus.CREATED)
    ProfileView data(@RequestBody JsonNode body) {
        return profiles.data(user.id(), body);
    }

    @GetMapping("/export")
    ProfileService.Export export() {
        return profiles.export(user.id());
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    ProfileService.Imported importEntries(@RequestBody JsonNode body) {
        return profiles.importEntries(user.id(), body);
    }

    @GetMapping("/{category}")
    Category category(@PathVariable String category) {
        return new Category(category, profiles.category(user.id(), category));
    }

    @PutMapping("/{category}")
    Category replaceCategory(@PathVariable String category, @RequestBody JsonNode body) {
        profiles.replaceCategory(user.id(), category, body);
        return new Category(category, profiles.category(user.id(), category));
    }
}
