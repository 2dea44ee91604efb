package ownpilot.gateway.chat;

import java.util.Map;

/**
 * Where a running chat reports as it goes: SSE events for a streamed request, a collector for a job,
 * later a channel reply; {@link #NONE} when nobody listens.
 */
public interface ChatSink {

    ChatSink NONE = new ChatSink() {
        @Override
        public void chunk(String delta) {}

        @Override
        public void progress(Map<String, Object> event) {}

        @Override
        public void autonomy(Map<String, Object> event) {}
    };

    void chunk(String delta);

    void progress(Map<String, Object> event);

    void autonomy(Map<String, Object> event);
}
