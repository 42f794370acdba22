import { useQuery } from '@tanstack/react-query';
import { analyticsApi } from '../api/analytics';

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
