package dev.competency.learners.learner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.learners.mastery.SourceType;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The learner of a command, read without reflection, is the one Axon's annotation resolver finds. */
class LearnerCommandTargetsTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private final LearnerCommandTargets targets = new LearnerCommandTargets();
    private final AnnotationCommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Test
    void findsTheAnnotatedLearner_ofEveryLearnerCommand() {
        List<LearnerCommand> commands = List.of(
                new RegisterLearner("l-1", "Ada", "ada@example.org", "ENG"),
                new AssignRole("l-2", "role-1", 3),
                new ChangeTeam("l-3", "team-1", "m-1"),
                new RecordEvidence("l-4", new EvidenceItem("e-1", "c-1", "f-1", 1, 0.8, SourceType.ASSESSMENT,
                        "scorer", AT, AT, null)),
                new VoidEvidence("l-5", "e-1", AT, "entered twice"),
                new AdoptFrameworkVersion("l-6", "f-1", 2),
                new EraseLearner("l-7", "dpo"));

        for (LearnerCommand command : commands) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
            VersionedAggregateIdentifier target = targets.resolveTarget(message);

            assertThat(target.getIdentifier()).isEqualTo(command.learnerId())
                    .isEqualTo(annotated.resolveTarget(message).getIdentifier());
            assertThat(target.getVersion()).isNull();
        }
    }

    @Test
    void asksTheAnnotations_forAnyOtherCommand() {
        record Other(@TargetAggregateIdentifier String id) {
        }

        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Other("o-1"))).getIdentifier())
                .isEqualTo("o-1");
    }
}
