package dev.competency.assessments.assessment.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An assessment definition aligned to the competencies of one framework version. */
@Aggregate
public class Assessment {

    @AggregateIdentifier
    private String assessmentId;
    private AssessmentKind kind;
    private String title;
    private String frameworkId;
    private int frameworkVersion;
    private int draftVersion;

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

    @EventSourcingHandler
    void on(AssessmentCreated event) {
        assessmentId = event.assessmentId();
        kind = event.kind();
        title = event.title();
        frameworkId = event.frameworkId();
        frameworkVersion = event.frameworkVersion();
        draftVersion = event.draftVersion();
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
