package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a post's text; only its author edits it, and the earlier text is kept. */
public record EditPost(@TargetAggregateIdentifier String discussionId, String postId, String body,
                       List<String> mentions, String editorId, Instant at) {
}
