import { useQueries, useQuery } from '@tanstack/react-query';
import { learnersApi } from '../api/learners';
import { learnerKeys } from '../learner/hooks';

export function useTeam(teamId: string) {
  return useQuery({ queryKey: ['teams', teamId], queryFn: ({ signal }) => learnersApi.team(teamId, signal) });
}

/** Each member's current mastery (one request per member; the team view carries counts only). */
export function useMembersMastery(learnerIds: readonly string[]) {
  return useQueries({
    queries: learnerIds.map((learnerId) => ({
      queryKey: learnerKeys.mastery(learnerId),
      queryFn: ({ signal }: { signal: AbortSignal }) => learnersApi.mastery(learnerId, undefined, signal),
    })),
  });
}
