import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentsApi, type AttemptView, type LevelChoice, type ManualRating, type Observation, type Regrade } from '../api/assessments';
import { frameworksApi } from '../api/frameworks';
import { assessmentKeys } from '../learner/assessmentHooks';

export const gradingKeys = { queue: ['assessments', 'grading-queue'] as const };

export function useGradingQueue() {
  return useQuery({ queryKey: gradingKeys.queue, queryFn: ({ signal }) => assessmentsApi.gradingQueue(signal) });
}

export function useAssessmentTitles(assessmentIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(assessmentIds)];
  const results = useQueries({
    queries: ids.map((assessmentId) => ({
      queryKey: assessmentKeys.assessment(assessmentId),
      queryFn: ({ signal }: { signal: AbortSignal }) => assessmentsApi.get(assessmentId, signal),
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(results.flatMap((result) => (result.data ? [[result.data.assessmentId, result.data.title] as const] : [])));
}

function useAttemptChange() {
  const client = useQueryClient();
  return (attempt: AttemptView) => {
    client.setQueryData(assessmentKeys.attempt(attempt.attemptId), attempt);
    void client.invalidateQueries({ queryKey: gradingKeys.queue });
  };
}

export function useGrade(attemptId: string) {
  const changed = useAttemptChange();
  return useMutation({ mutationFn: (choice: LevelChoice) => assessmentsApi.grade(attemptId, choice), onSuccess: changed });
}

export function useRegrade(attemptId: string) {
  const changed = useAttemptChange();
  return useMutation({ mutationFn: (body: Regrade) => assessmentsApi.regrade(attemptId, body), onSuccess: changed });
}

export function useWithdraw(attemptId: string) {
  const changed = useAttemptChange();
  return useMutation({ mutationFn: (reason: string) => assessmentsApi.withdraw(attemptId, reason), onSuccess: changed });
}

export function useObserve() {
  return useMutation({
    mutationFn: ({ assessmentId, observation }: { assessmentId: string; observation: Observation }) =>
      assessmentsApi.observe(assessmentId, observation),
  });
}

export function useManualRating() {
  return useMutation({
    mutationFn: ({ learnerId, rating }: { learnerId: string; rating: ManualRating }) => assessmentsApi.rate(learnerId, rating),
  });
}

export function useCompetencySearch(q: string) {
  return useQuery({
    queryKey: ['frameworks', 'competencies', q],
    queryFn: ({ signal }) => frameworksApi.competencies({ q }, signal),
    enabled: q.trim().length >= 2,
  });
}
