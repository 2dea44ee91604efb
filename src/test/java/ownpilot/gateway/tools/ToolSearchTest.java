package ownpilot.gateway.tools;

import ownpilot.gateway.shared.Actor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;

class ToolSearchTest extends ApiTestBase {

    private static final Actor CALLER = Actor.user("default", "test");

    @Autowired
    ToolRegistry registry;

    @Autowired
    ToolExecution execution;

    @Test
    void everyToolIsFoundFirstByItsOwnName() {
        for (ToolDefinition tool : registry.all()) {
            if (tool.category().equals(MetaTools.CATEGORY)) {
                continue;
            }
            List<?> found = (List<?>) ((Map<?, ?>) search(tool.name())).get("tools");
            assertThat(found).as(tool.name()).isNotEmpty();
            assertThat(((Map<?, ?>) found.getFirst()).get("name")).as(tool.name()).isEqualTo(tool.name());
        }
    }

    @Test
    void naturalPhrasesRankTheRightToolFirst() {
        assertThat(first("add a task")).isEqualTo("add_task");
        assertThat(first("convert units")).isEqualTo("convert_units");
        assertThat(first("what time is it now")).isEqualTo("get_current_time");
        assertThat(first("remove a note")).isEqualTo("delete_note");
    }

    @Test
    void helpExplainsParametersAndSuggestsOnTypos() {
        ToolResult help = execution.execute("get_tool_help", CALLER, Api.parse("{\"tool_name\":\"add_task\"}"));
        assertThat(help.isError()).isFalse();
        assertThat(help.result().toString()).contains("## add_task", "`title`", "(required)", "use_tool(\"add_task\"");
        ToolResult typo = execution.execute("get_tool_help", CALLER, Api.parse("{\"tool_name\":\"add_tsk\"}"));
        assertThat(typo.isError()).isTrue();
        assertThat(typo.result().toString()).contains("not found");
    }

    private Object search(String query) {
        ToolResult r = execution.execute("search_tools", CALLER, Api.parse("{\"query\":\"" + query + "\"}"));
        assertThat(r.isError()).isFalse();
        return r.result();
    }

    private String first(String query) {
        List<?> found = (List<?>) ((Map<?, ?>) search(query)).get("tools");
        return String.valueOf(((Map<?, ?>) found.getFirst()).get("name"));
    }
}
