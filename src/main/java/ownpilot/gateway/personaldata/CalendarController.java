package ownpilot.gateway.personaldata;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.QueryParams;

@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController extends PersonalRecordController {

    private final CalendarRecords events;

    CalendarController(CalendarRecords events, CurrentUser user) {
        super(events, user);
        this.events = events;
    }

    @GetMapping("/today")
    List<Map<String, Object>> today(@RequestParam Map<String, String> params) {
        return events.today(user.id(), new QueryParams(params));
    }

    @GetMapping("/upcoming")
    List<Map<String, Object>> upcoming(@RequestParam Map<String, String> params) {
        return events.upcoming(user.id(), new QueryParams(params));
    }
}
