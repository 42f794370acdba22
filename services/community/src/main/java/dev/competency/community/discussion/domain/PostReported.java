package dev.competency.community.discussion.domain;

import java.time.Instant;

public record PostReported(String discussionId, String postId, String reporterId, String reason, Instant at) {
}
