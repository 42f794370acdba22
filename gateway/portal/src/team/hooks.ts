import { useQueries, useQuery } from '@tanstack/react-query';
import { isApiProblem } from '../api/http';
import { learnersApi, masteryHistoryApi, type Mastery, type MemberMastery } from '../api/learners';
import { learnerKeys } from '../learner/hooks';
import type { MemberLevels } from './heatmap';

export function useTeam(teamId: string) {
  return useQuery({ queryKey: ['teams', teamId], queryFn: ({ signal }) => learnersApi.team(teamId, signal) });
}

/**
 * People's names by learnerId, from learner-profiles (which forgets them on erasure): the analytics service knows
 * people by id only. The teams are read first (one request each, shared with the team page); anyone they do not name
 * is looked up on their own profile. A name that cannot be read is left out, and the screen shows the learnerId.
 */
export function usePeopleNames(teamIds: readonly (string | null | undefined)[],
                               learnerIds: readonly string[]): ReadonlyMap<string, string> {
  const teams = useQueries({
    queries: [...new Set(teamIds.filter((id): id is string => Boolean(id)))].sort().map((teamId) => ({
      queryKey: ['teams', teamId],
      queryFn: ({ signal }: { signal: AbortSignal }) => learnersApi.team(teamId, signal),
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  for (const team of teams) {
    for (const member of team.data?.members ?? []) {
      if (member.displayName) {
        names.set(member.learnerId, member.displayName);
      }
    }
  }
  const teamsSettled = teams.every((team) => !team.isPending);
  const unnamed = teamsSettled ? [...new Set(learnerIds)].filter((id) => !names.has(id)).sort() : [];
  const profiles = useQueries({
    queries: unnamed.map((learnerId) => ({
      queryKey: learnerKeys.profile(learnerId),
      queryFn: ({ signal }: { signal: AbortSignal }) => learnersApi.profile(learnerId, signal),
      retry: false,
    })),
  });
  for (const profile of profiles) {
    const found = profile.data?.profile;
    if (found?.displayName) {
      names.set(found.learnerId, found.displayName);
    }
  }
  return names;
}

export interface TeamLevels {
  /** Per member id: their levels, or undefined when they could not be read. */
  levels: Map<string, MemberLevels>;
  /** The instant the levels hold for. */
  asOf: string | undefined;
  pending: boolean;
  /** Members whose levels could not be read. */
  failed: number;
  error: unknown;
}

/**
 * Every member's current levels: the team's mastery in one request, or, where the service does not offer it
 * yet (404), one request per member.
 */
export function useTeamLevels(teamId: string, learnerIds: readonly string[]): TeamLevels {
  const team = useQuery({
    queryKey: ['teams', teamId, 'mastery'],
    queryFn: ({ signal }) => masteryHistoryApi.teamMastery(teamId, signal),
  });
  const fallback = team.isError && isApiProblem(team.error) && team.error.status === 404;
  const perMember = useQueries({
    queries: (fallback ? learnerIds : []).map((learnerId) => ({
      queryKey: learnerKeys.mastery(learnerId),
      queryFn: ({ signal }: { signal: AbortSignal }) => learnersApi.mastery(learnerId, undefined, signal),
    })),
  });
  if (!fallback) {
    const levels = new Map((team.data?.members ?? []).map((member) => [member.learnerId, fromMember(member)]));
    return { levels, asOf: team.data?.asOf, pending: team.isPending, failed: 0, error: team.isError ? team.error : undefined };
  }
  const levels = new Map<string, MemberLevels>();
  perMember.forEach((result, index) => {
    const learnerId = learnerIds[index];
    if (learnerId !== undefined && result.data) {
      levels.set(learnerId, fromMastery(result.data));
    }
  });
  return {
    levels,
    asOf: undefined,
    pending: perMember.some((result) => result.isPending),
    failed: perMember.filter((result) => result.isError).length,
    error: undefined,
  };
}

function fromMember(member: MemberMastery): MemberLevels {
  return { competencies: member.competencies, lastEvidenceAt: member.lastEvidenceAt };
}

function fromMastery(list: readonly Mastery[]): MemberLevels {
  const last = list.map((m) => m.lastEvidenceAt).filter((at): at is string => Boolean(at)).sort().at(-1) ?? null;
  return { competencies: list, lastEvidenceAt: last };
}
