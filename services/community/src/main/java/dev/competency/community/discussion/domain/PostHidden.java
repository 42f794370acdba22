package dev.competency.community.discussion.domain;

import java.time.Instant;

public record PostHidden(String discussionId, String postId, String moderatorId, String reason, Instant at) {
}
