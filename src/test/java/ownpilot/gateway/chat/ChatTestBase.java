package ownpilot.gateway.chat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import ownpilot.gateway.support.ApiTestBase;

/** Chat tests: OpenAI pointed at the fake server through the provider override and a stored key. */
abstract class ChatTestBase extends ApiTestBase {

    static final String KEY = "sk-test-chat-0123456789abcdef";
    static final String MODEL = "gpt-test";

    @BeforeEach
    void pointOpenAiAtTheFakeServer() {
        useFakeOpenAi(KEY);
    }

    Map<String, Object> ask(String message) {
        return Map.of("message", message, "provider", "openai", "model", MODEL, "newConversation", true);
    }
}
