package dev.competency.community.challenge.domain;

import dev.competency.contracts.community.ChallengeGroup;
import java.util.Objects;

/** A team or an organisation unit, by the id the learners stream gives it. */
public record Group(ChallengeGroup kind, String id) {

    public Group {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(id, "id is required");
    }
}
