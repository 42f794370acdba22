package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;

/**
 * @param discussionAuthorId who started the discussion (the person the reply is to, for notifications)
 */
public record ReplyPosted(String discussionId, String postId, String body, List<String> mentions, String authorId,
                          String discussionAuthorId, Instant at) {
}
