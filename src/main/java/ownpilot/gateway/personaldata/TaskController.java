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
import tools.jackson.databind.node.JsonNodeFactory;

@RestController
@RequestMapping("/api/v1/tasks")
class TaskController extends PersonalRecordController {

    private final TaskRecords tasks;

    TaskController(TaskRecords tasks, CurrentUser user) {
        super(tasks, user);
        this.tasks = tasks;
    }

    @GetMapping("/today")
    List<Map<String, Object>> today(@RequestParam Map<String, String> params) {
        return tasks.dueToday(user.id(), new QueryParams(params));
    }

    @GetMapping("/overdue")
    List<Map<String, Object>> overdue(@RequestParam Map<String, String> params) {
        return tasks.overdue(user.id(), new QueryParams(params));
    }

    @GetMapping("/upcoming")
    List<Map<String, Object>> upcoming(@RequestParam Map<String, String> params) {
        return tasks.upcoming(user.id(), new QueryParams(params));
    }

    @PostMapping("/{id}/complete")
    Map<String, Object> complete(@PathVariable String id) {
        return tasks.update(user.actor(), id, JsonNodeFactory.instance.objectNode().put("status", "completed"));
    }
}
