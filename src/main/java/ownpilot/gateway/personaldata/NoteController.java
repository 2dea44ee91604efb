package ownpilot.gateway.personaldata;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;

@RestController
@RequestMapping("/api/v1/notes")
class NoteController extends PersonalRecordController {

    NoteController(NoteRecords records, CurrentUser user) {
        super(records, user);
    }
}
