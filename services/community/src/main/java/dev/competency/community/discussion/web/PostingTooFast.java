package dev.competency.community.discussion.web;

/** A person posted more than the limit allows this minute: 429 with {@code Retry-After}. */
class PostingTooFast extends RuntimeException {

    private final long retryAfterSeconds;

    PostingTooFast(int perMinute, long retryAfterSeconds) {
        super("At most " + perMinute + " posts a minute; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
