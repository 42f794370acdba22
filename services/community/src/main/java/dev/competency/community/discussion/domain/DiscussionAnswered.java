package dev.competency.community.discussion.domain;

import java.time.Instant;

public record DiscussionAnswered(String discussionId, String postId, String markedBy, Instant at) {
}
