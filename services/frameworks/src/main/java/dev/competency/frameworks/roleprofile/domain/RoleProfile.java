package dev.competency.frameworks.roleprofile.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.frameworks.framework.domain.FrameworkRules;
import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.framework.domain.PublishedFrameworks.PublishedVersion;
import dev.competency.frameworks.framework.domain.PublishedFrameworks;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
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
 * A role (such as "Backend Engineer II") and the competencies it requires at target levels, with weights; edited as
 * a draft and published as numbered, immutable versions against a published framework version.
 */
@Aggregate
public class RoleProfile {

    /** Most requirements of one role profile. */
    public static final int MAX_REQUIREMENTS = 2_000;

    @AggregateIdentifier
    private String roleProfileId;
    private int draftVersion;
    private int publishedVersion;
    private RoleProfileDefinition draft;

    protected RoleProfile() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineRoleProfile command, PublishedFrameworks frameworks, Clock clock) {
        if (command.roleProfileId() == null || command.roleProfileId().isBlank()) {
            throw new BrokenRules("roleProfileId is required");
        }
        if (command.definition() == null) {
            throw new BrokenRules("definition is required");
        }
        List<String> problems = problems(command.definition(), frameworks);
        if (!problems.isEmpty()) {
            throw new BrokenRules(problems);
        }
        RoleProfileDefinition definition = command.definition();
        if (definition.equals(draft)) {
            return;
        }
        int version = draft != null ? draftVersion : publishedVersion + 1;
        apply(new RoleProfileDefined(command.roleProfileId(), version, definition, command.definedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(PublishRoleProfile command, Clock clock) {
        if (draft == null) {
            throw Refusal.conflict("role profile " + roleProfileId + " has no draft to publish; version "
                    + publishedVersion + " is already published");
        }
        apply(new RoleProfileVersionPublished(roleProfileId, draftVersion, draft, command.publishedBy(),
                clock.instant()));
    }

    static List<String> problems(RoleProfileDefinition definition, PublishedFrameworks frameworks) {
        List<String> problems = new ArrayList<>();
        if (definition.title() == null || definition.title().isBlank()) {
            problems.add("title is required");
        }
        int found = problems.size();
        FrameworkRules.length("title", definition.title(), FrameworkRules.TITLE_MAX, problems);
        FrameworkRules.length("description", definition.description(), FrameworkRules.DESCRIPTION_MAX, problems);
        FrameworkRules.length("frameworkId", definition.frameworkId(), FrameworkRules.ID_MAX, problems);
        if (definition.requirements().size() > MAX_REQUIREMENTS) {
            problems.add("a role profile holds at most " + MAX_REQUIREMENTS + " requirements but has "
                    + definition.requirements().size());
            return problems;
        }
        for (Requirement requirement : definition.requirements()) {
            FrameworkRules.length("competencyId", requirement.competencyId(), FrameworkRules.ID_MAX, problems);
            FrameworkRules.length("targetLevel", requirement.targetLevel(), FrameworkRules.LEVEL_CODE_MAX, problems);
        }
        if (problems.size() > found) {
            return problems;
        }
        if (definition.frameworkId() == null || definition.frameworkVersion() == null) {
            problems.add("frameworkId and frameworkVersion are required");
            return problems;
        }
        Optional<PublishedVersion> framework = frameworks.find(definition.frameworkId(),
                definition.frameworkVersion());
        if (framework.isEmpty()) {
            problems.add("framework " + definition.frameworkId() + " has no published version "
                    + definition.frameworkVersion());
            return problems;
        }
        if (framework.get().retired()) {
            problems.add("framework " + definition.frameworkId() + " version " + definition.frameworkVersion()
                    + " is retired");
        }
        if (definition.requirements().isEmpty()) {
            problems.add("a role profile needs at least one requirement");
        }
        Set<String> seen = new HashSet<>();
        double total = 0.0;
        for (Requirement requirement : definition.requirements()) {
            String name = "requirement '" + requirement.competencyId() + "'";
            Set<String> levels = framework.get().levelsByCompetency().get(requirement.competencyId());
            if (levels == null) {
                problems.add(name + ": not a competency of framework " + definition.frameworkId() + " version "
                        + definition.frameworkVersion());
            } else if (requirement.targetLevel() == null || !levels.contains(requirement.targetLevel())) {
                problems.add(name + ": target level '" + requirement.targetLevel() + "' is not a level of the"
                        + " competency's scale " + levels);
            }
            if (!seen.add(String.valueOf(requirement.competencyId()))) {
                problems.add(name + ": the competency is required twice");
            }
            if (requirement.weight() == null || !(requirement.weight() >= 0.0) || requirement.weight().isInfinite()) {
                problems.add(name + ": weight must be a finite number of at least 0 but was " + requirement.weight());
            } else {
                total += requirement.weight();
            }
        }
        if (!definition.requirements().isEmpty() && !(total > 0.0)) {
            problems.add("the weights of the requirements must not all be 0");
        }
        return problems;
    }

    @EventSourcingHandler
    void on(RoleProfileDefined event) {
        roleProfileId = event.roleProfileId();
        draftVersion = event.version();
        draft = event.definition();
    }

    @EventSourcingHandler
    void on(RoleProfileVersionPublished event) {
        publishedVersion = event.version();
        draft = null;
    }
}
