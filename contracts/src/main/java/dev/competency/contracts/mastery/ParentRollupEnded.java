package dev.competency.contracts.mastery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A framework version the learner's mastery moved to no longer rolls this parent competency up from its children:
 * the last {@link ParentMasteryChanged} for it stops applying. From now on the parent's mastery is what
 * {@link MasteryChanged} says of it, from evidence on the parent itself, and it has none without such evidence.
 *
 * @param frameworkVersion     the version without the roll-up
 * @param rolledUpUnder        the version whose rule gave the last roll-up
 * @param previousLevel        the last rolled-up level; absent when it had none
 * @param previouslyMastered   the last rolled-up mastered flag
 * @param previousPoints       the last rolled-up points
 * @param changedAt            when the platform ended the roll-up (record time)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParentRollupEnded(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(required = true) String competencyId,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int frameworkVersion,
        @JsonProperty(required = true) int rolledUpUnder,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previousLevel,
        @JsonProperty(required = true) boolean previouslyMastered,
        @JsonProperty(required = true) int previousPoints,
        @JsonProperty(required = true) Instant changedAt) implements IntegrationEvent {

    public ParentRollupEnded {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(competencyId, "competencyId is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        if (rolledUpUnder < 1 || frameworkVersion <= rolledUpUnder) {
            throw new IllegalArgumentException("frameworkVersion (" + frameworkVersion
                    + ") must be later than rolledUpUnder (" + rolledUpUnder + "), itself at least 1");
        }
        if (previousPoints < 0) {
            throw new IllegalArgumentException("previousPoints must not be negative");
        }
    }

    /** The learnerId: all mastery changes of one learner are ordered on one partition. */
    @Override
    public String partitionKey() {
        return learnerId;
    }
}
