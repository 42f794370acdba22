package dev.competency.community.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long before a mastery lapses its learner is warned. An expiry is due for a warning from {@link #opensAt} until
 * it has passed: a mastery that has lapsed already is not warned about (its lapse is a level change of its own).
 */
public record ExpiryWindow(Duration length) {

    public ExpiryWindow {
        Objects.requireNonNull(length, "length is required");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the expiry warning window must be positive but was " + length);
        }
    }

    /** Whether the learner is to be warned at {@code now}: the expiry is still ahead and within the window. */
    public boolean warns(MasteryExpiry expiry, Instant now) {
        return expiry.expiresAt().isAfter(now) && !expiry.expiresAt().isAfter(now.plus(length));
    }

    /** When the expiry entered the window. */
    public Instant opensAt(MasteryExpiry expiry) {
        return expiry.expiresAt().minus(length);
    }

    /**
     * The time a warning tells of: when the window opened, or when the mastery was granted if that came later. It
     * depends on the expiry alone, so a warning written again by a sweep or a replay keeps its place in the feed.
     */
    public Instant warnedAt(MasteryExpiry expiry) {
        Instant opens = opensAt(expiry);
        return expiry.changedAt().isAfter(opens) ? expiry.changedAt() : opens;
    }

    /** The latest expiry a sweep at {@code now} warns about. */
    public Instant horizon(Instant now) {
        return now.plus(length);
    }
}
