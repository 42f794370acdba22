package dev.competency.analytics.privacy;

/**
 * Which learners a question is about and how they are grouped; each filter is optional (null).
 *
 * @param unit           only this organisation unit
 * @param teamId         only this team
 * @param roleProfileId  only learners assigned this role profile
 */
public record Scope(String unit, String teamId, String roleProfileId, GroupBy groupBy) {
}
