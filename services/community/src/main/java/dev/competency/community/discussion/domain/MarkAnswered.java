package dev.competency.community.discussion.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks a reply as the discussion's answer.
 *
 * @param moderator whether the caller moderates the discussion's unit (decided by the access policy)
 */
public record MarkAnswered(@TargetAggregateIdentifier String discussionId, String postId, String callerId,
                           boolean moderator, Instant at) {
}
