package dev.competency.contracts.community;

/**
 * What a challenge counts. {@link #MEMBERS_AT_LEVEL}: members who reach the level on every one of the challenge's
 * competencies, against a number of members. {@link #MASTERED_COUNT}: the members' mastered competencies among the
 * challenge's, added up over the group, against a shared count.
 */
public enum ChallengeGoal {
    MEMBERS_AT_LEVEL,
    MASTERED_COUNT
}
