package dev.competency.contracts.learners;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A learner became known to the platform. It carries no name and no e-mail address: the topic keeps its records
 * without limit, so nothing on it can be erased. Names come from learner-profiles' own API, which forgets them on
 * erasure. Records published before contract version 1.1 may still carry {@code displayName} and {@code email}: they
 * are no longer part of this record, so reading such a record ignores them.
 *
 * @param mboxSha1sum      the xAPI {@code mbox_sha1sum} of the learner's e-mail address (see {@link MailboxHash}),
 *                         to find the learner an xAPI actor is; absent when the learner has no address
 * @param organisationUnit the learner's department or business unit, free text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerRegistered(
        @JsonProperty(required = true) String learnerId,
        @JsonProperty(MBOX_SHA1SUM) @JsonInclude(JsonInclude.Include.NON_NULL) String mboxSha1sum,
        @JsonInclude(JsonInclude.Include.NON_NULL) String organisationUnit,
        @JsonProperty(required = true) Instant registeredAt) implements IntegrationEvent {

    /** The JSON name of {@link #mboxSha1sum()}, xAPI's own. */
    public static final String MBOX_SHA1SUM = "mbox_sha1sum";

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");

    public LearnerRegistered {
        Objects.requireNonNull(learnerId, "learnerId is required");
        Objects.requireNonNull(registeredAt, "registeredAt is required");
        if (mboxSha1sum != null && !SHA1_HEX.matcher(mboxSha1sum).matches()) {
            throw new IllegalArgumentException(
                    MBOX_SHA1SUM + " must be 40 lower-case hexadecimal digits but was " + mboxSha1sum);
        }
    }

    @Override
    public String partitionKey() {
        return learnerId;
    }
}
