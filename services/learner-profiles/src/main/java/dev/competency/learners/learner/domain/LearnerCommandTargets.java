package dev.competency.learners.learner.domain;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The learner a command is for, read from {@link LearnerCommand#learnerId()}. Axon's annotation resolver looks for
 * the annotated member by reflection on every command, which took about a sixteenth of the evidence intake's
 * thread; it stays for any command that is not a {@link LearnerCommand}.
 */
@Component
public final class LearnerCommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof LearnerCommand learnerCommand) {
            return new VersionedAggregateIdentifier(learnerCommand.learnerId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
