package dev.competency.community.discussion.domain;

import java.time.Instant;
import java.util.List;

/** @param previousBody the text before the edit, kept as the post's history */
public record PostEdited(String discussionId, String postId, String body, String previousBody,
                         List<String> mentions, String editorId, Instant at) {
}
