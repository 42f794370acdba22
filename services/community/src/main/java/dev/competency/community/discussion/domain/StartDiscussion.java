package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a discussion in the author's organisation unit with its first post. */
public record StartDiscussion(@TargetAggregateIdentifier String discussionId, String postId, Subject subject,
                              String organisationUnit, String title, String body, List<String> mentions,
                              String authorId, Instant at) {
}
