package ownpilot.gateway.chat;

/**
 * Where a running chat reports as it goes: SSE events for a streamed request, a collector for a job,
 * later a channel reply; {@link #NONE} when nobody listens.
 */
public interface ChatSink {

    ChatSink NONE = new ChatSink() {
        @Override
        public void chunk(String delta) {}

        @Override
        public void progress(ChatEvents.Progress event) {}

        @Override
        public void autonomy(ChatEvents.Autonomy event) {}
    };

    void chunk(String delta);

    void progress(ChatEvents.Progress event);

    void autonomy(ChatEvents.Autonomy event);
}
