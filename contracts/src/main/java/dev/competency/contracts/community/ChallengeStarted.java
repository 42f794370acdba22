package dev.competency.contracts.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A manager or an admin set a group a goal on some competencies, to be reached between {@code startsAt} and
 * {@code endsAt}.
 *
 * @param groupId       the teamId or the organisation unit, as on {@code competency.learners.v1}
 * @param level         the proficiency level code members must reach, for {@link ChallengeGoal#MEMBERS_AT_LEVEL}
 * @param target        members to reach the level, or mastered competencies to add up to
 * @param setBy         the user id of the manager or admin who set the challenge
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeStarted(
        @JsonProperty(required = true) String challengeId,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) ChallengeGroup groupKind,
        @JsonProperty(required = true) String groupId,
        @JsonProperty(required = true) ChallengeGoal goal,
        @JsonProperty(required = true) List<String> competencyIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) String level,
        @JsonProperty(required = true) int target,
        @JsonProperty(required = true) Instant startsAt,
        @JsonProperty(required = true) Instant endsAt,
        @JsonProperty(required = true) String setBy) implements IntegrationEvent {

    public ChallengeStarted {
        Objects.requireNonNull(challengeId, "challengeId is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(groupKind, "groupKind is required");
        Objects.requireNonNull(groupId, "groupId is required");
        Objects.requireNonNull(goal, "goal is required");
        Objects.requireNonNull(competencyIds, "competencyIds is required");
        Objects.requireNonNull(startsAt, "startsAt is required");
        Objects.requireNonNull(endsAt, "endsAt is required");
        Objects.requireNonNull(setBy, "setBy is required");
        competencyIds = List.copyOf(competencyIds);
        if (target < 1) {
            throw new IllegalArgumentException("target must be at least 1 but was " + target);
        }
    }

    /** The challengeId: all events of one challenge are ordered on one partition. */
    @Override
    public String partitionKey() {
        return challengeId;
    }
}
