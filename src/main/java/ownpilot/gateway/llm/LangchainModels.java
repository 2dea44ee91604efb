package ownpilot.gateway.llm;

import ownpilot.gateway.models.ModelEndpoint;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;

/**
 * Builds the langchain4j model for an endpoint: OpenAI, Anthropic and Google Gemini natively, every
 * other provider (cloud or local) through the OpenAI-compatible client at its base URL.
 */
final class LangchainModels {

    private LangchainModels() {}

    static StreamingChatModel streaming(ModelEndpoint endpoint, ModelRequest request, HttpClientBuilder http) {
        return switch (endpoint.type()) {
            case "anthropic" -> {
                var b = new AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder().httpClientBuilder(http).apiKey(endpoint.apiKey())
                        .modelName(request.model()).maxTokens(request.maxTokens() == null ? 4096 : request.maxTokens())
                        .temperature(request.temperature());
                if (endpoint.baseUrl() != null) {
                    b.baseUrl(endpoint.baseUrl());
                }
                yield b.build();
            }
            case "google" -> {
                var b = GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(http).apiKey(endpoint.apiKey())
                        .modelName(request.model()).maxOutputTokens(request.maxTokens())
                        .temperature(request.temperature());
                if (endpoint.baseUrl() != null) {
                    b.baseUrl(endpoint.baseUrl());
                }
                yield b.build();
            }
            default -> new OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder().httpClientBuilder(http)
                    .baseUrl(endpoint.baseUrl() == null ? "https://api.openai.com/v1" : endpoint.baseUrl())
                    .apiKey(endpoint.apiKey() == null ? "not-needed" : endpoint.apiKey())
                    .modelName(request.model()).maxTokens(request.maxTokens()).temperature(request.temperature())
                    .build();
        };
    }

    static ChatRequest chatRequest(ModelRequest request) {
        ChatRequest.Builder b = ChatRequest.builder().messages(messages(request.messages()));
        if (!request.tools().isEmpty()) {
            b.toolSpecifications(request.tools().stream().map(ToolSchemas::specification).toList());
        }
        return b.build();
    }

    static List<ChatMessage> messages(List<ModelMessage> messages) {
        return messages.stream().<ChatMessage>map(m -> switch (m.role()) {
            case "system" -> SystemMessage.from(m.content());
            case "assistant" -> m.toolCalls().isEmpty() ? AiMessage.from(m.content() == null ? "" : m.content())
                    : AiMessage.from(m.content() == null || m.content().isEmpty() ? null : m.content(),
                            m.toolCalls().stream().map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name())
                                    .arguments(c.arguments()).build()).toList());
            case "tool" -> ToolExecutionResultMessage.from(m.toolCallId(), m.toolName(), m.content());
            default -> UserMessage.from(m.content());
        }).toList();
    }
}
