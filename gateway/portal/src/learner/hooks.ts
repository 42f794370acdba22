import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { assessmentsApi } from '../api/assessments';
import { frameworksApi, roleProfileView } from '../api/frameworks';
import { learnersApi, masteryHistoryApi, type Mastery } from '../api/learners';
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

/**
 * The framework version the learner's role profile is defined against (its published version when the role
 * does not name one); undefined without a role. A role that cannot be read leaves the page to the results.
 */
export function useRoleFramework(learnerId: string): { ref: FrameworkRef | undefined; loading: boolean } {
  const profile = useProfile(learnerId);
  const roleProfileId = profile.data?.profile.roleProfileId ?? null;
  const role = useQuery({
    queryKey: ['frameworks', 'role-profiles', roleProfileId],
    queryFn: ({ signal }) => roleProfileView(roleProfileId ?? '', signal),
    enabled: roleProfileId !== null,
    staleTime: 5 * 60_000,
  });
  const definition = role.data?.published ?? null;
  const frameworkId = definition?.frameworkId ?? '';
  const needsPublished = definition !== null && (definition.frameworkVersion === null || definition.frameworkVersion === undefined);
  const framework = useQuery({
    queryKey: ['frameworks', frameworkId, 'summary'],
    queryFn: ({ signal }) => frameworksApi.get(frameworkId, signal),
    enabled: needsPublished,
    staleTime: 5 * 60_000,
  });
  const version = definition?.frameworkVersion ?? framework.data?.publishedVersion ?? null;
  return {
    ref: definition && version ? { frameworkId, frameworkVersion: version } : undefined,
    loading: profile.isPending || (roleProfileId !== null && role.isPending) || (needsPublished && framework.isPending),
  };
}

export const historyKeys = {
  history: (learnerId: string, competencyId: string) => ['learners', learnerId, 'history', competencyId] as const,
};

/** The changes of level of each competency (one request per competency). */
export function useLevelHistories(learnerId: string, competencyIds: readonly string[]) {
  return useQueries({
    queries: competencyIds.map((competencyId) => ({
      queryKey: historyKeys.history(learnerId, competencyId),
      queryFn: ({ signal }: { signal: AbortSignal }) => masteryHistoryApi.history(learnerId, competencyId, signal),
      staleTime: 60_000,
    })),
  });
}
