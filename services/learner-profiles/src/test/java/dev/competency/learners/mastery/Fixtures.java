package dev.competency.learners.mastery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared test vocabulary: one scale, one competency, days counted from 2026-01-01. */
final class Fixtures {

    static final String COMPETENCY = "comp-api-design";
    static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");

    /** NOVICE from 0, DEVELOPING from 0.4, PROFICIENT (mastery) from 0.7, EXPERT from 0.9. */
    static final ProficiencyScale SCALE = ProficiencyScale.of(
            new ProficiencyLevel("NOVICE", "Novice", 0.0, false),
            new ProficiencyLevel("DEVELOPING", "Developing", 0.4, false),
            new ProficiencyLevel("PROFICIENT", "Proficient", 0.7, true),
            new ProficiencyLevel("EXPERT", "Expert", 0.9, false));

    private Fixtures() {
    }

    static Instant day(double days) {
        return DAY_0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    /** An assessment that occurred on {@code day} and was recorded the same moment. */
    static Evidence scored(String id, double score, double day) {
        return new Evidence(id, COMPETENCY, score, SourceType.ASSESSMENT, "grader", day(day), day(day));
    }

    /** {@link #scored}, flagged voided. */
    static Evidence voided(String id, double score, double day) {
        return new Evidence(id, COMPETENCY, score, SourceType.ASSESSMENT, "grader", day(day), day(day), null, true);
    }

    static Evidence from(SourceType source, String id, double score, double day) {
        return new Evidence(id, COMPETENCY, score, source, "actor-" + source.name().toLowerCase(), day(day),
                day(day));
    }

    static Evidence recordedLate(String id, double score, double occurredDay, double recordedDay) {
        return new Evidence(id, COMPETENCY, score, SourceType.ASSESSMENT, "grader", day(occurredDay),
                day(recordedDay));
    }

    static Evidence rating(String id, String level, String assessor, double day) {
        return new Evidence(id, COMPETENCY, 1.0, SourceType.MANUAL_RATING, assessor, day(day), day(day), level,
                false);
    }

    static MasteryPolicy policy(MasteryMethod method) {
        return MasteryPolicy.of(3, method, SCALE);
    }

    static MasteryPolicy policy(MasteryMethod method, Map<SourceType, Double> weights) {
        return new MasteryPolicy(3, method, SCALE, weights, 1, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, null,
                null);
    }

    static MasteryPolicy policy(MasteryMethod method, int minimumEvidence, ManualRatingPrecedence precedence) {
        return new MasteryPolicy(3, method, SCALE, Map.of(), minimumEvidence, precedence, null, null);
    }

    static MasteryPolicy policy(MasteryMethod method, Duration validity, Duration decayHalfLife) {
        return new MasteryPolicy(3, method, SCALE, Map.of(), 1, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE,
                validity, decayHalfLife);
    }

    static MasteryResult fold(MasteryPolicy policy, double asOfDay, Evidence... evidence) {
        return MasteryFold.fold(COMPETENCY, policy, List.of(evidence), day(asOfDay));
    }
}
