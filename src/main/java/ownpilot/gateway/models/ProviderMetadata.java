package ownpilot.gateway.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UI metadata for providers: category groups, brand colours and API-key placeholders. */
final class ProviderMetadata {

    static final Map<String, List<String>> CATEGORIES = categories();
    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("openai", "#10a37f"), Map.entry("anthropic", "#d97757"), Map.entry("google", "#4285f4"),
            Map.entry("deepseek", "#4d6bfe"), Map.entry("groq", "#f55036"), Map.entry("mistral", "#ff7000"),
            Map.entry("xai", "#000000"), Map.entry("openrouter", "#6467f2"), Map.entry("perplexity", "#20808d"),
            Map.entry("togetherai", "#0f6fff"), Map.entry("fireworks-ai", "#5019c5"), Map.entry("cohere", "#39594d"),
            Map.entry("azure", "#0078d4"), Map.entry("amazon-bedrock", "#ff9900"), Map.entry("nvidia", "#76b900"));
    private static final Map<String, String> PLACEHOLDERS = Map.of("openai", "sk-...", "deepseek", "sk-...",
            "mistral", "sk-...", "anthropic", "sk-ant-...", "google", "AIza...", "groq", "gsk_...", "xai", "xai-...");

    private ProviderMetadata() {}

    private static Map<String, List<String>> categories() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("Popular", List.of("openai", "anthropic", "google", "deepseek", "groq", "mistral", "xai"));
        c.put("Cloud Platforms", List.of("azure", "amazon-bedrock", "google-vertex", "google-vertex-anthropic",
                "cloudflare-workers-ai", "cloudflare-ai-gateway", "scaleway", "ovhcloud", "vultr", "nvidia",
                "sap-ai-core"));
        c.put("Inference Providers", List.of("togetherai", "fireworks-ai", "deepinfra", "cerebras", "baseten",
                "friendli", "inference", "novita-ai", "siliconflow", "siliconflow-cn"));
        c.put("Search & Research", List.of("perplexity"));
        c.put("Chinese Providers", List.of("zhipuai", "alibaba", "alibaba-cn", "moonshotai", "moonshotai-cn",
                "minimax", "minimax-cn", "xiaomi", "bailing", "zai", "iflowcn"));
        c.put("Development Tools", List.of("github-copilot", "github-models", "gitlab", "v0", "lmstudio", "opencode",
                "kimi-for-coding"));
        c.put("Aggregators & Routers", List.of("openrouter", "helicone", "fastrouter", "zenmux", "aihubmix", "vercel",
                "morph", "requesty"));
        c.put("Specialized", List.of("cohere", "upstage", "huggingface", "ollama-cloud", "llama", "poe", "venice",
                "synthetic", "nano-gpt", "modelscope"));
        c.put("Enterprise", List.of("azure-cognitive-services", "wandb", "inception", "cortecs", "lucidquery",
                "firmware", "chutes", "vivgrid", "moark", "submodel", "io-net"));
        c.put("Other", List.of("privatemode-ai", "nebius", "abacus"));
        return c;
    }

    static String color(String id) {
        return COLORS.getOrDefault(id, "#666666");
    }

    static String placeholder(String id) {
        return PLACEHOLDERS.get(id);
    }
}
