package dev.competency.assessments.assessment.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An assessment definition aligned to the competencies of one framework version. It is versioned: a draft is
 * defined and published as version n; defining it again starts the draft of version n + 1 while version n stays
 * available to learners until that draft is published.
 */
@Aggregate
public class Assessment {

    @AggregateIdentifier
    private String assessmentId;
    private AssessmentKind kind;
    private String title;
    private String frameworkId;
    private int frameworkVersion;
    private int draftVersion;
    private AssessmentStatus status;
    private AssessmentDefinition draft;
    private int publishedVersion;

    protected Assessment() {
        // for Axon
    }

    @CommandHandler
    Assessment(CreateAssessment command, Clock clock) {
        if (command.assessmentId() == null || command.assessmentId().isBlank()) {
            throw new InvalidAssessmentException("assessmentId is required");
        }
        if (command.kind() == null) {
            throw new InvalidAssessmentException("kind is required: one of QUIZ, RUBRIC, OBSERVATION, PEER, SELF");
        }
        if (command.title() == null || command.title().isBlank()) {
            throw new InvalidAssessmentException("title is required");
        }
        if (command.frameworkId() == null || command.frameworkVersion() < 1) {
            throw new InvalidAssessmentException("a published framework version is required (frameworkId and"
                    + " frameworkVersion >= 1)");
        }
        apply(new AssessmentCreated(command.assessmentId(), command.kind(), command.title().strip(),
                command.frameworkId(), command.frameworkVersion(), 1, command.createdBy(), clock.instant()));
    }

    @CommandHandler
    void handle(DefineAssessment command, FrameworkVersions frameworks, Clock clock) {
        if (status == AssessmentStatus.RETIRED) {
            throw Refusal.conflict("assessment " + assessmentId + " is retired");
        }
        if (command.definition() == null) {
            throw new InvalidAssessmentException("definition is required");
        }
        validate(command.definition(), frameworks);
        int version = status == AssessmentStatus.PUBLISHED && draftVersion == publishedVersion
                ? publishedVersion + 1 : draftVersion;
        apply(new AssessmentDefined(assessmentId, version, command.definition(), command.definedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(PublishAssessment command, FrameworkVersions frameworks, Clock clock) {
        if (status == AssessmentStatus.RETIRED) {
            throw Refusal.conflict("assessment " + assessmentId + " is retired");
        }
        if (draft == null || draftVersion == publishedVersion) {
            throw Refusal.conflict("assessment " + assessmentId + " has no draft to publish");
        }
        validate(draft, frameworks);
        apply(new AssessmentPublished(new PublishedAssessment(assessmentId, draftVersion, kind, title, frameworkId,
                frameworkVersion, draft), command.publishedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RetireAssessment command, Clock clock) {
        if (status == AssessmentStatus.RETIRED) {
            return;
        }
        apply(new AssessmentRetired(assessmentId, command.retiredBy(), clock.instant()));
    }

    private void validate(AssessmentDefinition definition, FrameworkVersions frameworks) {
        FrameworkVersion framework = frameworks.find(frameworkId, frameworkVersion)
                .orElseThrow(() -> new InvalidAssessmentException("framework " + frameworkId + " version "
                        + frameworkVersion + " has not been published"));
        if (framework.retired()) {
            throw new InvalidAssessmentException("framework " + frameworkId + " version " + frameworkVersion
                    + " is retired");
        }
        List<String> problems = definition.problems(kind, framework);
        if (!problems.isEmpty()) {
            throw new InvalidAssessmentException(problems);
        }
    }

    @EventSourcingHandler
    void on(AssessmentCreated event) {
        assessmentId = event.assessmentId();
        kind = event.kind();
        title = event.title();
        frameworkId = event.frameworkId();
        frameworkVersion = event.frameworkVersion();
        draftVersion = event.draftVersion();
        status = AssessmentStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(AssessmentDefined event) {
        draftVersion = event.draftVersion();
        draft = event.definition();
    }

    @EventSourcingHandler
    void on(AssessmentPublished event) {
        publishedVersion = event.assessment().version();
        status = AssessmentStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(AssessmentRetired event) {
        status = AssessmentStatus.RETIRED;
    }

    String assessmentId() {
        return assessmentId;
    }

    AssessmentKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String frameworkId() {
        return frameworkId;
    }

    int frameworkVersion() {
        return frameworkVersion;
    }

    int draftVersion() {
        return draftVersion;
    }
}
