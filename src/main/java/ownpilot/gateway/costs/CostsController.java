package ownpilot.gateway.costs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.models.ModelCatalog;
import ownpilot.gateway.models.ModelInfo;
import ownpilot.gateway.settings.SettingsService;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.CurrentUser;
import ownpilot.gateway.shared.JsonFields;
import ownpilot.gateway.shared.QueryParams;
import tools.jackson.databind.JsonNode;

/** Usage, costs and budgets (spec §11); periods are in the user's time zone. */
@RestController
@RequestMapping("/api/v1/costs")
class CostsController {

    private final UsageRepository usage;
    private final Budgets budgets;
    private final BudgetRepository budgetRepository;
    private final Pricing pricing;
    private final ModelCatalog catalog;
    private final SettingsService settings;
    private final CurrentUser user;

    CostsController(UsageRepository usage, Budgets budgets, BudgetRepository budgetRepository, Pricing pricing,
            ModelCatalog catalog, SettingsService settings, CurrentUser user) {
        this.usage = usage;
        this.budgets = budgets;
        this.budgetRepository = budgetRepository;
        this.pricing = pricing;
        this.catalog = catalog;
        this.settings = settings;
        this.user = user;
    }

    /** A period's calls, tokens and cost. */
    record PeriodSummary(long totalRequests, long successfulRequests, long failedRequests, long totalInputTokens,
            long totalOutputTokens, double totalCost, String totalCostFormatted, long averageLatencyMs) {}

    /** {@code GET /costs}: the period's summary and the budget status. */
    record CostsView(String period, String periodStart, PeriodSummary summary, BudgetStatus budget) {}

    @GetMapping
    CostsView summary(@RequestParam Map<String, String> params) {
        String period = period(params);
        OffsetDateTime from = Periods.start(period, settings.timeZone(user.id()));
        UsageRepository.Totals t = usage.totals(user.id(), from);
        PeriodSummary summary = new PeriodSummary(t.requests(), t.successes(), t.requests() - t.successes(),
                t.inputTokens(), t.outputTokens(), t.cost(), Money.format(t.cost()), Math.round(t.latency()));
        return new CostsView(period, from.toInstant().toString(), summary, budgets.status(user.id()));
    }

    /**
     * The usage records (spec), and the day's and month's totals the web UI's stats panel shows on every
     * page ({@code daily}, {@code monthly}: tokens, cost and requests, always numbers).
     */
    /** A window's totals, always numbers (the web UI formats them on every page). */
    record WindowTotals(long totalTokens, long inputTokens, long outputTokens, double totalCost,
            String totalCostFormatted, long totalRequests) {

        static WindowTotals of(UsageRepository.Totals t) {
            return new WindowTotals(t.inputTokens() + t.outputTokens(), t.inputTokens(), t.outputTokens(), t.cost(),
                    Money.format(t.cost()), t.requests());
        }
    }

    /** {@code GET /costs/usage}: the records (spec), and today's and this month's totals. */
    record UsageView(List<UsageRepository.UsageRecord> records, int count, long total, WindowTotals daily,
            WindowTotals monthly) {}

    @GetMapping("/usage")
    UsageView records(@RequestParam Map<String, String> params) {
        QueryParams q = new QueryParams(params);
        List<UsageRepository.UsageRecord> records = usage.records(user.id(), q.text("provider"), q.text("model"),
                q.paging(100));
        ZoneId zone = settings.timeZone(user.id());
        return new UsageView(records, records.size(), usage.count(user.id()),
                WindowTotals.of(usage.totals(user.id(), Periods.start("day", zone))),
                WindowTotals.of(usage.totals(user.id(), Periods.start("month", zone))));
    }

    /**
     * The web UI's one-call view of a period: spend per provider and per day ({@code byProvider},
     * {@code daily}), the same figures as {@code /by-provider} and {@code /timeline}.
     */
    /** One day of a period's spend. */
    record DaySpend(String date, long requests, double cost, String costFormatted) {}

    /** {@code GET /costs/breakdown}: a period's spend per provider and per day. */
    record Breakdown(String period, double totalCost, String totalCostFormatted,
            List<UsageRepository.Group> byProvider, List<DaySpend> daily) {}

    record ProviderSpend(String period, double totalCost, String totalCostFormatted,
            List<UsageRepository.Group> providers) {}

    record ModelSpend(String period, double totalCost, String totalCostFormatted, List<UsageRepository.Group> models) {}

    record TimelineDay(String date, long requests, long inputTokens, long outputTokens, double cost,
            String costFormatted) {}

    record Timeline(int days, String timezone, List<TimelineDay> timeline) {}

    record Estimate(String provider, String model, int estimatedInputTokens, int estimatedOutputTokens,
            double inputPrice, double outputPrice, double estimatedCost, String estimatedCostFormatted) {}

    record Price(String provider, String modelId, String displayName, double inputPrice, double outputPrice,
            int contextWindow, Integer maxOutput) {}

    record PriceList(List<Price> models, int count, String unit) {}

    @GetMapping("/breakdown")
    Breakdown combined(@RequestParam Map<String, String> params) {
        String period = period(params);
        ZoneId zone = settings.timeZone(user.id());
        OffsetDateTime from = Periods.start(period, zone);
        ProviderSpend byProvider = byProvider(params);
        Map<String, UsageRepository.Totals> perDay = usage.daily(user.id(), from, zone.getId());
        List<DaySpend> daily = new ArrayList<>();
        for (LocalDate d = from.atZoneSameInstant(zone).toLocalDate(); !d.isAfter(LocalDate.now(zone));
                d = d.plusDays(1)) {
            UsageRepository.Totals t = perDay.getOrDefault(d.toString(), new UsageRepository.Totals(0, 0, 0, 0, 0, 0));
            daily.add(new DaySpend(d.toString(), t.requests(), t.cost(), Money.format(t.cost())));
        }
        return new Breakdown(period, byProvider.totalCost(), byProvider.totalCostFormatted(), byProvider.providers(),
                daily);
    }

    @GetMapping("/by-provider")
    ProviderSpend byProvider(@RequestParam Map<String, String> params) {
        String period = period(params);
        List<UsageRepository.Group> rows = groups(period, "provider");
        double total = total(rows);
        return new ProviderSpend(period, total, Money.format(total), rows);
    }

    @GetMapping("/by-model")
    ModelSpend byModel(@RequestParam Map<String, String> params) {
        String period = period(params);
        List<UsageRepository.Group> rows = groups(period, "provider, model");
        double total = total(rows);
        return new ModelSpend(period, total, Money.format(total), rows);
    }

    /** Every day of the last {@code days} (default 30), with zero for days without calls. */
    @GetMapping("/timeline")
    Timeline timeline(@RequestParam Map<String, String> params) {
        int days = new QueryParams(params).integer("days", 30, 1, 366);
        ZoneId zone = settings.timeZone(user.id());
        LocalDate first = LocalDate.now(zone).minusDays(days - 1L);
        Map<String, UsageRepository.Totals> daily = usage.daily(user.id(), first.atStartOfDay(zone).toOffsetDateTime(),
                zone.getId());
        List<TimelineDay> timeline = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(LocalDate.now(zone)); d = d.plusDays(1)) {
            UsageRepository.Totals t = daily.getOrDefault(d.toString(), new UsageRepository.Totals(0, 0, 0, 0, 0, 0));
            timeline.add(new TimelineDay(d.toString(), t.requests(), t.inputTokens(), t.outputTokens(), t.cost(),
                    Money.format(t.cost())));
        }
        return new Timeline(days, zone.getId(), timeline);
    }

    /** {@code {provider, model, inputTokens? | text?, outputTokens? (500)}}: text counts as one token per 4 characters. */
    @PostMapping("/estimate")
    Estimate estimate(@RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("provider", "model", "inputTokens", "outputTokens", "text"));
        String provider = in.text("provider", null, 64, true);
        String model = in.text("model", null, 200, true);
        String text = in.text("text", null, 1_000_000, false);
        int input = (int) in.number("inputTokens", text == null ? 0 : Math.ceil(text.length() / 4.0), 0, 10_000_000, true);
        int output = (int) in.number("outputTokens", 500, 0, 10_000_000, true);
        in.check();
        ModelInfo info = pricing.model(provider, model).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "MODEL_NOT_FOUND", "No price for " + provider + "/" + model + " in the catalog"));
        double cost = Money.cost(input, output, info.inputPrice(), info.outputPrice());
        return new Estimate(provider, model, input, output, info.inputPrice(), info.outputPrice(), cost,
                Money.format(cost));
    }

    @GetMapping("/budget")
    BudgetStatus budget() {
        return budgets.status(user.id());
    }

    /**
     * {@code dailyLimit}/{@code weeklyLimit}/{@code monthlyLimit} in USD ({@code null} removes), thresholds in %,
     * action block|warn. The answer is the new status, also under {@code status} (the web UI reads it there).
     */
    /** The new budget status, and the same again under {@code status} (where the web UI reads it). */
    record BudgetSaved(@JsonUnwrapped BudgetStatus current, BudgetStatus status) {}

    @PostMapping("/budget")
    BudgetSaved setBudget(@RequestBody JsonNode body) {
        JsonFields in = JsonFields.of(body).allow(Set.of("dailyLimit", "weeklyLimit", "monthlyLimit",
                "alertThresholds", "limitAction"));
        BudgetRepository.Budget current = budgetRepository.find(user.id());
        Double daily = in.nullableNumber("dailyLimit", current.dailyLimit(), 0, 1_000_000, false);
        Double weekly = in.nullableNumber("weeklyLimit", current.weeklyLimit(), 0, 1_000_000, false);
        Double monthly = in.nullableNumber("monthlyLimit", current.monthlyLimit(), 0, 1_000_000, false);
        String action = in.text("limitAction", current.limitAction(), 10, false);
        if (!List.of("block", "warn").contains(action)) {
            in.problem("limitAction", "must be block or warn");
        }
        List<Integer> thresholds = current.alertThresholds();
        if (in.has("alertThresholds")) {
            JsonNode t = in.node("alertThresholds");
            if (!t.isArray() || t.size() > 10 || t.valueStream().anyMatch(v -> !v.isIntegralNumber() || v.intValue() < 1
                    || v.intValue() > 100)) {
                in.problem("alertThresholds", "must be up to 10 whole percentages from 1 to 100");
            } else {
                thresholds = t.valueStream().map(JsonNode::intValue).distinct().sorted().toList();
            }
        }
        in.check();
        budgetRepository.save(user.id(), new BudgetRepository.Budget(daily, weekly, monthly, thresholds, action));
        BudgetStatus status = budgets.status(user.id());
        return new BudgetSaved(status, status);
    }

    @GetMapping("/pricing")
    PriceList pricing(@RequestParam Map<String, String> params) {
        String provider = new QueryParams(params).text("provider");
        List<String> providers = provider == null ? catalog.providerIds() : List.of(provider);
        List<Price> models = new ArrayList<>();
        for (String p : providers) {
            for (ModelInfo m : catalog.models(p)) {
                models.add(new Price(p, m.id(), m.name(), m.inputPrice(), m.outputPrice(), m.contextWindow(),
                        m.maxOutputTokens()));
            }
        }
        return new PriceList(models, models.size(), "USD per million tokens");
    }

    private List<UsageRepository.Group> groups(String period, String columns) {
        OffsetDateTime from = Periods.start(period, settings.timeZone(user.id()));
        List<UsageRepository.Group> rows = usage.groupedBy(user.id(), from, columns);
        double total = total(rows);
        return rows.stream().map(r -> r.withShareOf(total)).toList();
    }

    private static double total(List<UsageRepository.Group> rows) {
        return rows.stream().mapToDouble(UsageRepository.Group::cost).sum();
    }

    private static String period(Map<String, String> params) {
        String period = new QueryParams(params).oneOf("period", Periods.NAMES);
        return period == null ? "month" : period;
    }
}
