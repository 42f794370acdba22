import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { assessmentsApi } from '../api/assessments';
import { frameworksApi } from '../api/frameworks';
import { learnersApi, type Mastery } from '../api/learners';
import { useSignedIn } from '../shell/useSession';
import { buildCatalog, versionKey, type Catalog } from './catalog';

export interface LearnerScope {
  learnerId: string;
  /** The caller's own profile (under /me); otherwise a read-only view of someone else's. */
  own: boolean;
  /** Where this learner's pages live: /me or /learners/:learnerId. */
  base: string;
}

export function useLearnerScope(): LearnerScope {
  const { learnerId } = useParams();
  const session = useSignedIn();
  if (learnerId) {
    return {
      learnerId,
      own: learnerId === session.subject,
      base: `/learners/${encodeURIComponent(learnerId)}`,
    };
  }
  return { learnerId: session.subject, own: true, base: '/me' };
}

export const learnerKeys = {
  profile: (learnerId: string) => ['learners', learnerId, 'profile'] as const,
  mastery: (learnerId: string, asOf?: string) => ['learners', learnerId, 'mastery', asOf ?? 'now'] as const,
  masteryOf: (learnerId: string, competencyId: string) => ['learners', learnerId, 'mastery-of', competencyId] as const,
  evidence: (learnerId: string, offset: number, limit: number) => ['learners', learnerId, 'evidence', offset, limit] as const,
  gaps: (learnerId: string) => ['learners', learnerId, 'gaps'] as const,
  recommendations: (learnerId: string) => ['learners', learnerId, 'recommendations'] as const,
  attempts: (learnerId: string) => ['assessments', 'learners', learnerId, 'attempts'] as const,
};

export function useProfile(learnerId: string) {
  return useQuery({ queryKey: learnerKeys.profile(learnerId), queryFn: ({ signal }) => learnersApi.profile(learnerId, signal) });
}

export function useMastery(learnerId: string) {
  return useQuery({
    queryKey: learnerKeys.mastery(learnerId),
    queryFn: ({ signal }) => learnersApi.mastery(learnerId, undefined, signal),
  });
}

export function useMasteryOf(learnerId: string, competencyId: string) {
  return useQuery({
    queryKey: learnerKeys.masteryOf(learnerId, competencyId),
    queryFn: ({ signal }) => learnersApi.masteryOf(learnerId, competencyId, undefined, signal),
  });
}

/** The whole mastery of a learner at each instant (one request per instant). */
export function useMasteryHistory(learnerId: string, instants: readonly string[]) {
  return useQueries({
    queries: instants.map((asOf) => ({
      queryKey: learnerKeys.mastery(learnerId, asOf),
      queryFn: ({ signal }: { signal: AbortSignal }) => learnersApi.mastery(learnerId, asOf, signal),
      staleTime: 5 * 60_000,
    })),
  });
}

export function useEvidence(learnerId: string, offset: number, limit: number) {
  return useQuery({
    queryKey: learnerKeys.evidence(learnerId, offset, limit),
    queryFn: ({ signal }) => learnersApi.evidence(learnerId, offset, limit, signal),
    placeholderData: (previous) => previous,
  });
}

export function useGaps(learnerId: string) {
  return useQuery({ queryKey: learnerKeys.gaps(learnerId), queryFn: ({ signal }) => learnersApi.gaps(learnerId, signal) });
}

export function useRecommendations(learnerId: string) {
  return useQuery({
    queryKey: learnerKeys.recommendations(learnerId),
    queryFn: ({ signal }) => learnersApi.recommendations(learnerId, signal),
  });
}

export function useAttempts(learnerId: string) {
  return useQuery({
    queryKey: learnerKeys.attempts(learnerId),
    queryFn: ({ signal }) => assessmentsApi.attemptsOf(learnerId, signal),
  });
}

export interface FrameworkRef {
  frameworkId: string;
  frameworkVersion: number | null;
}

/**
 * Names and scales for the framework versions the results refer to. A version that cannot be read leaves its
 * competencies named by id rather than failing the page.
 */
export function useCatalog(refs: readonly FrameworkRef[]): { catalog: Catalog; loading: boolean } {
  const unique = useMemo(() => {
    const seen = new Map<string, FrameworkRef>();
    for (const ref of refs) {
      if (ref.frameworkVersion !== null && ref.frameworkVersion > 0) {
        seen.set(versionKey(ref.frameworkId, ref.frameworkVersion), ref);
      }
    }
    return [...seen.values()];
  }, [refs]);
  const results = useQueries({
    queries: unique.map((ref) => ({
      queryKey: ['frameworks', ref.frameworkId, 'versions', ref.frameworkVersion],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        frameworksApi.version(ref.frameworkId, ref.frameworkVersion as number, signal),
      staleTime: Infinity,
    })),
  });
  const loading = results.some((result) => result.isPending);
  const versions = results.flatMap((result) => (result.data ? [result.data] : []));
  const stamp = results.map((result) => result.dataUpdatedAt).join(',');
  const catalog = useMemo(() => buildCatalog(versions), [stamp]);
  return { catalog, loading };
}

export function refsOf(mastery: readonly Mastery[]): FrameworkRef[] {
  return mastery.map((m) => ({ frameworkId: m.frameworkId, frameworkVersion: m.frameworkVersion }));
}
