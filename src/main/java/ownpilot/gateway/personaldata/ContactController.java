package ownpilot.gateway.personaldata;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.QueryParams;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController extends PersonalRecordController {

    private final ContactRecords contacts;

    ContactController(ContactRecords contacts, CurrentUser user) {
        super(contacts, user);
        this.contacts = contacts;
    }

    @GetMapping("/birthdays")
    List<Map<String, Object>> birthdays(@RequestParam Map<String, String> params) {
        return contacts.upcomingBirthdays(user.id(), new QueryParams(params));
    }

    /** The web UI's toggle of {@code isFavorite}. */
    @PostMapping("/{id}/favorite")
    Map<String, Object> toggle(@PathVariable String id) {
        return records.toggle(user.actor(), id, "isFavorite");
    }
}
