package ownpilot.gateway.personaldata;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;

@RestController
@RequestMapping("/api/v1/notes")
class NoteController extends PersonalRecordController {

    NoteController(NoteRecords records, CurrentUser user) {
        super(records, user);
    }

    /** The web UI's toggle of {@code isPinned}. */
    @PostMapping("/{id}/pin")
    Map<String, Object> toggle(@PathVariable String id) {
        return records.toggle(user.actor(), id, "isPinned");
    }
}
