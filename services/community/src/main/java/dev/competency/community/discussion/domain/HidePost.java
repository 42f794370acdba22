package dev.competency.community.discussion.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hides a post from everyone but moderators; the caller's right to moderate is checked before. */
public record HidePost(@TargetAggregateIdentifier String discussionId, String postId, String moderatorId,
                       String reason, Instant at) {
}
