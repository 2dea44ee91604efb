package ownpilot.gateway.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The OwnPilot web UI's calls (reference/web-ui-client.md) for the stats panel, the Costs and API
 * Keys pages, tasks and the calendar: the fields it reads without a guard, and its input aliases.
 */
class WebUiCallsApiTest extends ApiTestBase {

    @Test
    void theStatsPanelPolledOnEveryPageGetsNumericDailyAndMonthlyTotals() {
        JsonNode usage = api.get("/api/v1/costs/usage").data();
        for (String window : new String[] {"daily", "monthly"}) {
            assertThat(usage.path(window).path("totalTokens").isNumber()).as(window).isTrue();
            assertThat(usage.path(window).path("totalCost").isNumber()).as(window).isTrue();
        }
        assertThat(usage.path("records").isArray()).as("the spec's records stay").isTrue();
    }

    @Test
    void theCostsPageGetsDailyWeeklyAndMonthlyBudgetsWithSpentAndABreakdown() {
        try {
            Api.Response saved = api.post("/api/v1/costs/budget", Map.of("dailyLimit", 2, "weeklyLimit", 5,
                    "monthlyLimit", 20));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.data().path("status").path("weekly").path("limit").asDouble()).isEqualTo(5.0);
            JsonNode costs = api.get("/api/v1/costs?period=month").data();
            for (String field : new String[] {"totalRequests", "totalInputTokens", "totalOutputTokens"}) {
                assertThat(costs.path("summary").path(field).isNumber()).as(field).isTrue();
            }
            assertThat(costs.path("summary").path("totalCostFormatted").isString()).isTrue();
            for (String window : new String[] {"daily", "weekly", "monthly"}) {
                JsonNode w = costs.path("budget").path(window);
                assertThat(w.path("spent").isNumber()).as(window).isTrue();
                assertThat(w.path("used").isNumber()).as("the spec's name too").isTrue();
                assertThat(w.path("percentage").isNumber()).as(window).isTrue();
            }
            assertThat(costs.path("budget").path("weekly").path("limit").asDouble()).isEqualTo(5.0);
            assertThat(costs.path("budget").path("alerts").isArray()).isTrue();
            JsonNode breakdown = api.get("/api/v1/costs/breakdown?period=month").data();
            assertThat(breakdown.path("daily").isArray()).isTrue();
            assertThat(breakdown.path("daily").size()).isPositive();
            assertThat(breakdown.path("daily").get(0).path("cost").isNumber()).isTrue();
            assertThat(breakdown.path("byProvider").isArray()).isTrue();
        } finally {
            api.post("/api/v1/costs/budget", "{\"dailyLimit\": null, \"weeklyLimit\": null, \"monthlyLimit\": null}");
        }
    }

    @Test
    void theApiKeysPageSavesAndRemovesKeysAndSetsTheDefaults() {
        JsonNode before = api.get("/api/v1/settings/defaults").data();
        try {
            apiKeysPage();
        } finally {
            if (before.path("provider").isString()) {
                api.post("/api/v1/settings/defaults", Map.of("provider", before.path("provider").asString()));
            }
            if (before.path("model").isString()) {
                api.post("/api/v1/settings/defaults", Map.of("model", before.path("model").asString()));
            }
        }
    }

    private void apiKeysPage() {
        Api.Response saved = api.post("/api/v1/settings/api-keys", Map.of("provider", "mistral", "apiKey",
                "mistral-ui-key-0123456789"));
        assertThat(saved.status()).isEqualTo(200);
        JsonNode settings = api.get("/api/v1/settings").data();
        assertThat(settings.path("configuredProviders").isArray()).isTrue();
        assertThat(settings.path("configuredProviders").toString()).contains("mistral");
        assertThat(api.get("/api/v1/settings/api-key/mistral").data().path("configured").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/settings/default-provider", Map.of("provider", "mistral")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/settings/default-model", Map.of("model", "mistral-small")).status())
                .isEqualTo(200);
        JsonNode defaults = api.get("/api/v1/settings/defaults").data();
        assertThat(defaults.path("provider").asString()).isEqualTo("mistral");
        assertThat(defaults.path("model").asString()).isEqualTo("mistral-small");
        assertThat(api.get("/api/v1/settings/default-provider").status()).as("not stored as a plain setting")
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/settings/api-keys/mistral").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings/api-key/mistral").data().path("configured").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/settings/api-keys", Map.of("apiKey", "k-0123456789")).status()).isEqualTo(400);
    }

    @Test
    void aTaskWithTheUisDefaultPriorityNormalIsStoredAsMedium() {
        Api.Response created = api.post("/api/v1/tasks", Map.of("title", "UI task", "priority", "normal"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("priority").asString()).isEqualTo("medium");
        assertThat(api.post("/api/v1/tasks", Map.of("title", "x", "priority", "whenever")).status()).isEqualTo(400);
    }

    @Test
    void theCalendarPageCreatesWithDateAndTimeFieldsAndFiltersByDates() {
        String marker = "ui-" + UUID.randomUUID();
        Api.Response timed = api.post("/api/v1/calendar", Map.of("title", marker + " meeting", "startDate",
                "2031-03-14", "startTime", "09:30", "endDate", "2031-03-14", "endTime", "10:15", "isAllDay", false,
                "color", "blue"));
        assertThat(timed.status()).isEqualTo(201);
        assertThat(timed.data().path("startTime").asString()).startsWith("2031-03-14T09:30");
        assertThat(timed.data().path("color").asString()).isEqualTo("blue");
        Api.Response allDay = api.post("/api/v1/calendar", Map.of("title", marker + " holiday", "startDate",
                "2031-03-15", "isAllDay", true, "color", "green"));
        assertThat(allDay.status()).isEqualTo(201);
        assertThat(allDay.data().path("allDay").asBoolean()).isTrue();

        JsonNode week = api.get("/api/v1/calendar?startAfter=2031-03-09&startBefore=2031-03-15").data();
        assertThat(week.toString()).contains(marker + " meeting", marker + " holiday");
        JsonNode dayBefore = api.get("/api/v1/calendar?startAfter=2031-03-01&startBefore=2031-03-13").data();
        assertThat(dayBefore.toString()).doesNotContain(marker);
        assertThat(api.get("/api/v1/calendar?startAfter=2031-13-45").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/calendar", Map.of("title", "x", "startDate", "2031-03-14", "startTime",
                "9 o'clock")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/calendar", Map.of("title", "x", "startDate", "2031-03-14", "color",
                "plaid")).status()).isEqualTo(400);
    }

    @Test
    void customProvidersTakeTheOriginalsFieldNames() {
        String id = "ui-proxy-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/model-configs/providers", Map.of("providerId", id, "displayName",
                "UI proxy", "apiBaseUrl", "http://127.0.0.1:9/v1", "providerType", "openai"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().body()).contains("UI proxy", "http://127.0.0.1:9/v1");
        assertThat(api.post("/api/v1/model-configs/providers", Map.of("providerId", id + "x", "displayName", "x",
                "apiBaseUrl", "http://127.0.0.1:9/v1", "providerType", "grpc")).status()).isEqualTo(400);
        api.delete("/api/v1/model-configs/providers/" + id);
    }

    @Test
    void theDevServersOriginMayOpenTheLiveEventSocket() throws Exception {
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        var socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "http://localhost:3000")
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + "/ws"),
                        new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                            boolean last) {
                        events.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            assertThat(events.poll(10, java.util.concurrent.TimeUnit.SECONDS)).contains("connection:ready");
        } finally {
            socket.abort();
        }
    }
}
