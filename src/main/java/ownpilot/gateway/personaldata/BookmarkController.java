package ownpilot.gateway.personaldata;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;

@RestController
@RequestMapping("/api/v1/bookmarks")
class BookmarkController extends PersonalRecordController {

    BookmarkController(BookmarkRecords records, CurrentUser user) {
        super(records, user);
    }

    /** The web UI's toggle of {@code isFavorite}. */
    @PostMapping("/{id}/favorite")
    Map<String, Object> toggle(@PathVariable String id) {
        return records.toggle(user.actor(), id, "isFavorite");
    }
}
