package ownpilot.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakePlatforms;
import ownpilot.gateway.support.Gateway;

/**
 * Telegram long polling across a restart: a gateway picks up the queued updates, stops, and the next
 * one on the same data directory asks Telegram from the offset after the last update stored, so
 * nothing is fetched or stored twice.
 */
class ChannelPollingIT {

    @Test
    void longPollingPicksUpUpdatesAndResumesFromTheStoredOffsetAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("ownpilot-polling-");
        try (FakePlatforms telegram = new FakePlatforms()) {
            String[] args = {"--ownpilot.channels.telegram-api-url=" + telegram.url("telegram"),
                    "--ownpilot.channels.poll-timeout-seconds=1"};
            for (int id = 1; id <= 3; id++) {
                telegram.queueUpdate(ChannelsApiTest.telegramUpdate(id, 1001, 1001, 100 + id, "message " + id));
            }
            try (Gateway first = Gateway.start(dir, args)) {
                Api api = first.api();
                Api.Response created = api.post("/api/v1/channels", Map.of("id", "home-bot", "type", "telegram",
                        "config", Map.of("botToken", "7100:AAHpollingTokenValue0123456789", "allowedUsers", List.of(1001),
                                "autoReply", false)));
                assertThat(created.data().path("mode").asString()).isEqualTo("polling");
                assertThat(telegram.calls("/deleteWebhook")).hasSize(1);
                eventually("three updates stored", () -> inbox(api) == 3);
                eventually("the next poll asks from offset 4", () -> offsets(telegram).contains(4L));
                assertThat(offsets(telegram)).doesNotContain(5L);
                assertThat(api.get("/api/v1/channels/home-bot").data().path("status").asString()).isEqualTo("connected");
            }
            int before = telegram.calls("/getUpdates").size();
            telegram.queueUpdate(ChannelsApiTest.telegramUpdate(4, 1001, 1001, 104, "message 4"));
            telegram.queueUpdate(ChannelsApiTest.telegramUpdate(5, 1001, 1001, 105, "message 5"));
            try (Gateway second = Gateway.start(dir, args)) {
                eventually("the two new updates stored", () -> inbox(second.api()) == 5);
                List<Long> after = offsets(telegram).subList(before, offsets(telegram).size());
                assertThat(after.getFirst()).as("the first poll after the restart").isEqualTo(4L);
                eventually("then past them", () -> offsets(telegram).contains(6L));
                assertThat(inbox(second.api())).isEqualTo(5);
            }
        }
    }

    private static long inbox(Api api) {
        return api.get("/api/v1/channels/messages/inbox?limit=100").data().path("total").asLong();
    }

    private static List<Long> offsets(FakePlatforms telegram) {
        return telegram.calls("/getUpdates").stream().map(r -> r.body().path("offset").asLong()).toList();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }
}
