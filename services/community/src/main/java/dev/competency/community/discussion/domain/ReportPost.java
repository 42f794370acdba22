package dev.competency.community.discussion.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportPost(@TargetAggregateIdentifier String discussionId, String postId, String reporterId,
                         String reason, Instant at) {
}
