package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;

public record DiscussionStarted(String discussionId, String postId, Subject subject, String organisationUnit,
                                String title, String body, List<String> mentions, String authorId, Instant at) {
}
