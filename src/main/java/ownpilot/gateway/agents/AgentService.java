package ownpilot.gateway.agents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ownpilot.gateway.agents.AgentChanged.Change;
import ownpilot.gateway.shared.Actor;
import ownpilot.gateway.shared.DomainEvents;
import org.springframework.transaction.annotation.Transactional;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Ids;
import ownpilot.gateway.shared.Paging;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Agents: validation against the tool registry, effective tool lists, templates, audit of every change. */
@Service
public class AgentService {

    private final AgentRepository repository;
    private final ToolRegistry registry;
    private final AgentTemplates templates;
    private final DomainEvents events;

    AgentService(AgentRepository repository, ToolRegistry registry, AgentTemplates templates, DomainEvents events) {
        this.repository = repository;
        this.registry = registry;
        this.templates = templates;
        this.events = events;
    }

    public Agent get(String userId, String id) {
        return repository.find(userId, id).orElseThrow(() -> ApiException.notFound("Agent"));
    }

    List<Agent> list(String userId, Paging paging) {
        return repository.list(userId, paging);
    }

    @Transactional
    Agent create(Actor actor, JsonNode body) {
        String userId = actor.userId();
        Agent draft = AgentInput.read(body, blank(null), true, toolNames(userId), groups());
        requireFreeName(userId, draft.name(), null);
        Agent created = repository.insert(userId, draft);
        record(actor, Change.created, created);
        return created;
    }

    @Transactional
    Agent update(Actor actor, String id, JsonNode body) {
        String userId = actor.userId();
        Agent changed = AgentInput.read(body, get(userId, id), false, toolNames(userId), groups());
        requireFreeName(userId, changed.name(), id);
        Agent updated = repository.update(userId, changed).orElseThrow(() -> ApiException.notFound("Agent"));
        record(actor, Change.updated, updated);
        return updated;
    }

    @Transactional
    void delete(Actor actor, String id) {
        String userId = actor.userId();
        Agent agent = get(userId, id);
        repository.delete(userId, id);
        record(actor, Change.deleted, agent);
    }

    /** Starts a fresh conversation for the agent: a new id that chat stores the next messages under. */
    @Transactional
    public String resetConversation(Actor actor, String id) {
        String userId = actor.userId();
        Agent agent = get(userId, id);
        String conversationId = Ids.prefixed("conv");
        repository.setConversation(userId, id, conversationId);
        record(actor, Change.conversation_reset, agent);
        return conversationId;
    }

    record TemplateError(String template, String error) {}

    record Resync(int updated, int created, int total, List<TemplateError> errors) {}

    /** Creates missing template agents and updates existing ones (matched by template id). */
    Resync resync(Actor actor) {
        String userId = actor.userId();
        int created = 0;
        int updated = 0;
        List<TemplateError> errors = new ArrayList<>();
        List<AgentTemplates.Template> all = templates.load();
        for (AgentTemplates.Template template : all) {
            if (template.error() != null) {
                errors.add(new TemplateError(template.file(), template.error()));
                continue;
            }
            ObjectNode fields = ((ObjectNode) template.body()).deepCopy();
            String templateId = fields.remove("templateId").asString();
            try {
                var existing = repository.findByTemplate(userId, templateId);
                if (existing.isPresent()) {
                    Agent next = AgentInput.read(fields, existing.get(), false, toolNames(userId), groups());
                    requireFreeName(userId, next.name(), next.id());
                    record(actor, Change.updated, repository.update(userId, next).orElseThrow());
                    updated++;
                } else {
                    Agent draft = AgentInput.read(fields, blank(templateId), true, toolNames(userId), groups());
                    requireFreeName(userId, draft.name(), null);
                    record(actor, Change.created, repository.insert(userId, draft));
                    created++;
                }
            } catch (ApiException e) {
                errors.add(new TemplateError(templateId, e.getMessage()));
            }
        }
        return new Resync(updated, created, all.size(), errors);
    }

    boolean hasAgents(String userId) {
        return repository.count(userId) > 0;
    }

    /** Explicit tools plus the members of the tool groups; with neither, every tool the user has. */
    public List<String> effectiveTools(String userId, AgentConfig config) {
        List<ToolDefinition> available = registry.all(userId);
        if (config.tools().isEmpty() && config.toolGroups().isEmpty()) {
            return available.stream().map(ToolDefinition::name).toList();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>(config.tools());
        available.stream().filter(t -> config.toolGroups().contains(t.category()))
                .forEach(t -> names.add(t.name()));
        return List.copyOf(names);
    }

    private Set<String> toolNames(String userId) {
        return registry.all(userId).stream().map(ToolDefinition::name).collect(Collectors.toSet());
    }

    private Set<String> groups() {
        return registry.all().stream().map(ToolDefinition::category).collect(Collectors.toSet());
    }

    private static Agent blank(String templateId) {
        return new Agent(Ids.prefixed("agent"), null, "default", "default", null, AgentConfig.defaults(), templateId,
                null, null, null);
    }

    private void requireFreeName(String userId, String name, String selfId) {
        repository.findByName(userId, name).filter(a -> !a.id().equals(selfId)).ifPresent(a -> {
            throw ApiException.conflict("An agent called " + name + " already exists");
        });
    }

    private void record(Actor actor, Change change, Agent agent) {
        events.publish(new AgentChanged(actor, change, agent.id(), agent.name()));
    }
}
