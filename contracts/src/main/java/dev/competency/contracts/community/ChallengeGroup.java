package dev.competency.contracts.community;

/** What kind of group a challenge is set for: a team, or a whole organisation unit. */
public enum ChallengeGroup {
    TEAM,
    UNIT
}
