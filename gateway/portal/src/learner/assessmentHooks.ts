import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentsApi, type AssessmentView, type AttemptView, type ItemResponse, type LevelChoice } from '../api/assessments';
import { learnerKeys } from './hooks';

const MAX_COMPETENCIES = 30;

export const assessmentKeys = {
  assessment: (assessmentId: string) => ['assessments', assessmentId] as const,
  byCompetency: (competencyId: string) => ['assessments', 'by-competency', competencyId] as const,
  attempt: (attemptId: string) => ['assessments', 'attempts', attemptId] as const,
  peerRequests: ['assessments', 'peer-requests'] as const,
};

export function useAssessment(assessmentId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.assessment(assessmentId ?? ''),
    queryFn: ({ signal }) => assessmentsApi.get(assessmentId ?? '', signal),
    enabled: Boolean(assessmentId),
  });
}

/**
 * Published assessments aligned to any of the competencies (the service lists assessments per competency
 * only, so this asks once per competency, for the first few).
 */
export function useAssessmentsFor(competencyIds: readonly string[]) {
  const ids = [...new Set(competencyIds)].slice(0, MAX_COMPETENCIES);
  const results = useQueries({
    queries: ids.map((competencyId) => ({
      queryKey: assessmentKeys.byCompetency(competencyId),
      queryFn: ({ signal }: { signal: AbortSignal }) => assessmentsApi.byCompetency(competencyId, signal),
    })),
  });
  const found = new Map<string, AssessmentView>();
  for (const result of results) {
    for (const assessment of result.data ?? []) {
      if (assessment.status === 'PUBLISHED' && assessment.published) {
        found.set(assessment.assessmentId, assessment);
      }
    }
  }
  return {
    assessments: [...found.values()].sort((a, b) => a.title.localeCompare(b.title)),
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.isError)?.error,
  };
}

export function useAttempt(attemptId: string) {
  return useQuery({
    queryKey: assessmentKeys.attempt(attemptId),
    queryFn: ({ signal }) => assessmentsApi.attempt(attemptId, signal),
  });
}

export function usePeerRequests() {
  return useQuery({ queryKey: assessmentKeys.peerRequests, queryFn: ({ signal }) => assessmentsApi.peerRequests(signal) });
}

function useAttemptUpdate(learnerId: string) {
  const client = useQueryClient();
  return (attempt: AttemptView) => {
    client.setQueryData(assessmentKeys.attempt(attempt.attemptId), attempt);
    void client.invalidateQueries({ queryKey: learnerKeys.attempts(learnerId) });
    void client.invalidateQueries({ queryKey: ['learners', learnerId] });
  };
}

export function useStartAttempt(learnerId: string) {
  const update = useAttemptUpdate(learnerId);
  return useMutation({
    mutationFn: ({ assessmentId, peers }: { assessmentId: string; peers?: string[] }) => assessmentsApi.start(assessmentId, peers),
    onSuccess: update,
  });
}

/** Saves the answers, then submits: the service scores a quiz on submission. */
export function useSubmitQuiz(learnerId: string, attemptId: string) {
  const update = useAttemptUpdate(learnerId);
  return useMutation({
    mutationFn: async (responses: Record<string, ItemResponse>) => {
      await assessmentsApi.saveResponses(attemptId, responses);
      return assessmentsApi.submit(attemptId);
    },
    onSuccess: update,
  });
}

export function useSubmitAttempt(learnerId: string, attemptId: string) {
  const update = useAttemptUpdate(learnerId);
  return useMutation({ mutationFn: () => assessmentsApi.submit(attemptId), onSuccess: update });
}

export function useRateSelf(learnerId: string, attemptId: string) {
  const update = useAttemptUpdate(learnerId);
  return useMutation({ mutationFn: (choice: LevelChoice) => assessmentsApi.rateSelf(attemptId, choice), onSuccess: update });
}

export function useRatePeer(attemptId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choice: LevelChoice) => assessmentsApi.ratePeer(attemptId, choice),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.peerRequests }),
  });
}
