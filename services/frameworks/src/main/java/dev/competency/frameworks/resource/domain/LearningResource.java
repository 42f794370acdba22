package dev.competency.frameworks.resource.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.frameworks.framework.domain.FrameworkRules;
import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.framework.domain.PublishedFrameworks.PublishedVersion;
import dev.competency.frameworks.framework.domain.PublishedFrameworks;
import dev.competency.platform.service.error.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A learning resource in the catalogue: what it is, where to find it, and which competencies it develops up to which
 * level of the latest published version of a framework. Versioned like frameworks.
 */
@Aggregate
public class LearningResource {

    /** Most competencies one learning resource addresses. */
    public static final int MAX_COMPETENCIES = 2_000;

    @AggregateIdentifier
    private String resourceId;
    private int draftVersion;
    private int publishedVersion;
    private ResourceDefinition draft;

    protected LearningResource() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineLearningResource command, PublishedFrameworks frameworks, Clock clock) {
        if (command.resourceId() == null || command.resourceId().isBlank()) {
            throw new BrokenRules("resourceId is required");
        }
        if (command.definition() == null) {
            throw new BrokenRules("definition is required");
        }
        List<String> problems = problems(command.definition(), frameworks);
        if (!problems.isEmpty()) {
            throw new BrokenRules(problems);
        }
        if (command.definition().equals(draft)) {
            return;
        }
        int version = draft != null ? draftVersion : publishedVersion + 1;
        apply(new LearningResourceDefined(command.resourceId(), version, command.definition(), command.definedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(PublishLearningResource command, Clock clock) {
        if (draft == null) {
            throw Refusal.conflict("learning resource " + resourceId + " has no draft to publish; version "
                    + publishedVersion + " is already published");
        }
        apply(new LearningResourceVersionPublished(resourceId, draftVersion, draft, command.publishedBy(),
                clock.instant()));
    }

    static List<String> problems(ResourceDefinition definition, PublishedFrameworks frameworks) {
        List<String> problems = new ArrayList<>();
        if (definition.title() == null || definition.title().isBlank()) {
            problems.add("title is required");
        }
        int found = problems.size();
        FrameworkRules.length("title", definition.title(), FrameworkRules.TITLE_MAX, problems);
        FrameworkRules.length("url", definition.url(), FrameworkRules.EXTERNAL_ID_MAX, problems);
        FrameworkRules.length("duration", definition.duration(), FrameworkRules.TIMESTAMP_MAX, problems);
        FrameworkRules.length("frameworkId", definition.frameworkId(), FrameworkRules.ID_MAX, problems);
        if (definition.competencies().size() > MAX_COMPETENCIES) {
            problems.add("a learning resource addresses at most " + MAX_COMPETENCIES + " competencies but has "
                    + definition.competencies().size());
        }
        for (ResourceTarget target : definition.competencies()) {
            FrameworkRules.length("competencyId", target.competencyId(), FrameworkRules.ID_MAX, problems);
            FrameworkRules.length("targetLevel", target.targetLevel(), FrameworkRules.LEVEL_CODE_MAX, problems);
        }
        if (problems.size() > found) {
            return problems;
        }
        if (!isWebAddress(definition.url())) {
            problems.add("url must be an absolute http or https address but was '" + definition.url() + "'");
        }
        if (definition.type() == null) {
            problems.add("type is required");
        }
        if (definition.duration() != null) {
            try {
                Duration duration = Duration.parse(definition.duration());
                if (duration.isNegative() || duration.isZero()) {
                    problems.add("duration must be positive but was " + definition.duration());
                }
            } catch (DateTimeParseException e) {
                problems.add("duration must be an ISO-8601 duration such as PT45M but was '" + definition.duration()
                        + "'");
            }
        }
        if (definition.frameworkId() == null) {
            problems.add("frameworkId is required");
            return problems;
        }
        Optional<PublishedVersion> framework = frameworks.find(definition.frameworkId(), null);
        if (framework.isEmpty()) {
            problems.add("framework " + definition.frameworkId() + " has no published version");
            return problems;
        }
        if (framework.get().retired()) {
            problems.add("framework " + definition.frameworkId() + " is retired");
        }
        if (definition.competencies().isEmpty()) {
            problems.add("a learning resource needs at least one competency it addresses");
        }
        Set<String> seen = new HashSet<>();
        for (ResourceTarget target : definition.competencies()) {
            String name = "competency '" + target.competencyId() + "'";
            Set<String> levels = framework.get().levelsByCompetency().get(target.competencyId());
            if (levels == null) {
                problems.add(name + ": not a competency of the latest published version "
                        + framework.get().version() + " of framework " + definition.frameworkId());
            } else if (target.targetLevel() == null || !levels.contains(target.targetLevel())) {
                problems.add(name + ": level '" + target.targetLevel() + "' is not a level of the competency's scale "
                        + levels);
            }
            if (!seen.add(String.valueOf(target.competencyId()))) {
                problems.add(name + ": listed twice");
            }
        }
        return problems;
    }

    private static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @EventSourcingHandler
    void on(LearningResourceDefined event) {
        resourceId = event.resourceId();
        draftVersion = event.version();
        draft = event.definition();
    }

    @EventSourcingHandler
    void on(LearningResourceVersionPublished event) {
        publishedVersion = event.version();
        draft = null;
    }
}
