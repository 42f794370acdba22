import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assessmentsApi, listAssessments, type AssessmentKind, type AttemptView, type ItemResponse, type LevelChoice,
} from '../api/assessments';
import { learnerKeys } from './hooks';

export const assessmentKeys = {
  assessment: (assessmentId: string) => ['assessments', assessmentId] as const,
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

export const ASSESSMENT_PAGE_SIZE = 12;

export interface CatalogueFilter {
  kind: AssessmentKind | undefined;
  q: string | undefined;
  page: number;
}

/** One page of the published assessments, filtered by kind and title words. */
export function usePublishedAssessments(filter: CatalogueFilter) {
  return useQuery({
    queryKey: ['assessments', 'published', filter.kind ?? '', filter.q ?? '', filter.page] as const,
    queryFn: ({ signal }) => listAssessments({
      status: 'PUBLISHED',
      kind: filter.kind,
      q: filter.q,
      offset: (filter.page - 1) * ASSESSMENT_PAGE_SIZE,
      limit: ASSESSMENT_PAGE_SIZE,
    }, signal),
    placeholderData: (previous) => previous,
  });
}

/** Titles of the assessments the learner's attempts and peer requests refer to (one request per assessment). */
export function useAssessmentTitles(assessmentIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(assessmentIds)];
  const results = useQueries({
    queries: ids.map((assessmentId) => ({
      queryKey: assessmentKeys.assessment(assessmentId),
      queryFn: ({ signal }: { signal: AbortSignal }) => assessmentsApi.get(assessmentId, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const titles = new Map<string, string>();
  results.forEach((result) => {
    if (result.data) {
      titles.set(result.data.assessmentId, result.data.title);
    }
  });
  return titles;
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
