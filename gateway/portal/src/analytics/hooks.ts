import { useQueries, useQuery } from '@tanstack/react-query';
import { analyticsApi } from '../api/analytics';
import { frameworksApi } from '../api/frameworks';

export function useEvidenceBySource() {
  return useQuery({ queryKey: ['analytics', 'evidence-sources'], queryFn: ({ signal }) => analyticsApi.evidenceBySource(signal) });
}

export function useTeamCapability(teamId: string) {
  return useQuery({
    queryKey: ['analytics', 'team-capability', teamId],
    queryFn: ({ signal }) => analyticsApi.teamCapability(teamId, signal),
    enabled: Boolean(teamId),
  });
}

export function useLearnerMastery(learnerId: string) {
  return useQuery({
    queryKey: ['analytics', 'learner-mastery', learnerId],
    queryFn: ({ signal }) => analyticsApi.learnerMastery(learnerId, signal),
    enabled: Boolean(learnerId),
  });
}

/** "CODE Title" of each competency of the frameworks' current published versions, by competency id. */
export function useCompetencyNames(frameworkIds: string[]): Map<string, string> {
  const unique = [...new Set(frameworkIds)].sort();
  const results = useQueries({
    queries: unique.map((frameworkId) => ({
      queryKey: ['frameworks', frameworkId, 'current-competencies'],
      queryFn: ({ signal }: { signal: AbortSignal }) => frameworksApi.competencies({ frameworkId }, signal),
    })),
  });
  const names = new Map<string, string>();
  for (const result of results) {
    for (const hit of result.data ?? []) {
      names.set(hit.id, `${hit.code} ${hit.title}`);
    }
  }
  return names;
}
