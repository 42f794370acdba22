package dev.competency.community.discussion.domain;

import dev.competency.platform.service.error.Refusal;

/** The limits every post keeps, checked by the aggregate whatever the way in. */
public final class PostRules {

    /** The longest post, in characters. */
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 1_000;
    public static final int MAX_MENTIONS = 20;

    private PostRules() {
    }

    static void requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw Refusal.invalid("body must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw Refusal.invalid("body must be at most " + MAX_BODY + " characters");
        }
    }

    static void requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw Refusal.invalid("title must not be blank");
        }
        if (title.length() > MAX_TITLE) {
            throw Refusal.invalid("title must be at most " + MAX_TITLE + " characters");
        }
    }

    static void requireReason(String reason, boolean required) {
        if (required && (reason == null || reason.isBlank())) {
            throw Refusal.invalid("reason must not be blank");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw Refusal.invalid("reason must be at most " + MAX_REASON + " characters");
        }
    }
}
