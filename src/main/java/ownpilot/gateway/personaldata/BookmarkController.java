package ownpilot.gateway.personaldata;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;

@RestController
@RequestMapping("/api/v1/bookmarks")
class BookmarkController extends PersonalRecordController {

    BookmarkController(BookmarkRecords records, CurrentUser user) {
        super(records, user);
    }
}
