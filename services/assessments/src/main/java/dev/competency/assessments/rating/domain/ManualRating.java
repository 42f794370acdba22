package dev.competency.assessments.rating.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.competency.assessments.evidence.domain.EvidenceIds;
import dev.competency.assessments.evidence.domain.EvidenceItem;
import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.assessments.frameworks.domain.FrameworkVersions;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.service.error.Refusal;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A manual rating: a level of the framework's scale set directly by an assessor. Its evidence score is the level's
 * threshold, so that consumers that only fold scores place it at the level; {@code ratedLevel} names the level.
 */
@Aggregate
public class ManualRating {

    @AggregateIdentifier
    private String ratingId;

    protected ManualRating() {
        // for Axon
    }

    @CommandHandler
    ManualRating(RateCompetency command, FrameworkVersions frameworks, Clock clock) {
        if (command.learnerId() == null || command.learnerId().isBlank()) {
            throw Refusal.invalid("learnerId is required");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusal.invalid("a reason is required for a manual rating");
        }
        FrameworkVersion framework = frameworks.find(command.frameworkId(), command.frameworkVersion())
                .orElseThrow(() -> Refusal.invalid("framework " + command.frameworkId() + " version "
                        + command.frameworkVersion() + " has not been published"));
        if (!framework.has(command.competencyId())) {
            throw Refusal.invalid("competency " + command.competencyId() + " is not in framework "
                    + command.frameworkId() + " version " + command.frameworkVersion());
        }
        FrameworkVersion.Level level = framework.level(command.level())
                .orElseThrow(() -> Refusal.invalid("level " + command.level() + " is not a level of"
                        + " the framework's scale"));
        Instant now = clock.instant();
        apply(new CompetencyRated(command.ratingId(), new EvidenceItem(
                EvidenceIds.forRating(command.ratingId(), command.competencyId()), command.learnerId(),
                command.competencyId(), command.frameworkId(), command.frameworkVersion(), level.threshold(), null,
                null, SourceType.MANUAL_RATING, command.assessorId(), ActorKind.ASSESSOR, now, now, null, null, null,
                null, null, level.code(), command.reason().strip())));
    }

    @EventSourcingHandler
    void on(CompetencyRated event) {
        ratingId = event.ratingId();
    }
}
