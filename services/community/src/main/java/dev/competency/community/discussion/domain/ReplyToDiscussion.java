package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReplyToDiscussion(@TargetAggregateIdentifier String discussionId, String postId, String body,
                                List<String> mentions, String authorId, Instant at) {
}
