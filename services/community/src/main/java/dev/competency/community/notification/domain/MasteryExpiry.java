package dev.competency.community.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * When a learner's latest mastery of a competency lapses unless renewed, as its last {@code mastery.changed} said.
 *
 * @param changedAt when that change was computed
 */
public record MasteryExpiry(String learnerId, String competencyId, Instant expiresAt, Instant changedAt) {

    public MasteryExpiry {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
    }

    /**
     * The id of the warning about this expiry: one per learner, competency and expiry instant, so that sweeps on
     * several instances and replays of the stream write one warning, and a renewal (a new instant) may warn again.
     */
    public String warningId() {
        return "expiry:" + learnerId.length() + ":" + learnerId + "/" + competencyId + "@" + expiresAt;
    }
}
