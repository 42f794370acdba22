// Server state of the analytics views: one query per view and filter set, plus the lists the filters offer.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import {
  analyticsApi,
  type CapabilityQuery,
  type CoachingQuery,
  type EvidenceFlowQuery,
  type GapsQuery,
  type ReadinessQuery,
  type TimeToMasteryQuery,
  type TrendQuery,
} from '../api/analytics';
import { frameworksAuthoringApi } from '../api/framework-authoring';
import { frameworksApi } from '../api/frameworks';

const key = (view: string, query: object) => ['analytics', view, query] as const;
// A change of filter keeps the previous answer on screen until the new one arrives (no flash of a skeleton).
const keep = { placeholderData: keepPreviousData };

export function useCapability(query: CapabilityQuery) {
  return useQuery({ queryKey: key('capability', query), queryFn: ({ signal }) => analyticsApi.capability(query, signal), ...keep });
}

export function useReadiness(query: ReadinessQuery | undefined) {
  return useQuery({
    queryKey: key('readiness', query ?? {}),
    queryFn: ({ signal }) => analyticsApi.readiness(query!, signal),
    enabled: Boolean(query?.roleProfileId),
    ...keep,
  });
}

export function useTrend(query: TrendQuery) {
  return useQuery({ queryKey: key('trend', query), queryFn: ({ signal }) => analyticsApi.trend(query, signal), ...keep });
}

export function useTimeToMastery(query: TimeToMasteryQuery) {
  return useQuery({ queryKey: key('time-to-mastery', query), queryFn: ({ signal }) => analyticsApi.timeToMastery(query, signal), ...keep });
}

export function useCoaching(query: CoachingQuery) {
  return useQuery({ queryKey: key('coaching', query), queryFn: ({ signal }) => analyticsApi.coaching(query, signal), ...keep });
}

export function useSkillGaps(query: GapsQuery) {
  return useQuery({ queryKey: key('gaps', query), queryFn: ({ signal }) => analyticsApi.gaps(query, signal), ...keep });
}

export function useEvidenceFlow(query: EvidenceFlowQuery) {
  return useQuery({ queryKey: key('evidence-flow', query), queryFn: ({ signal }) => analyticsApi.evidenceFlow(query, signal), ...keep });
}

export function useLearnerMastery(learnerId: string) {
  return useQuery({
    queryKey: ['analytics', 'learner-mastery', learnerId],
    queryFn: ({ signal }) => analyticsApi.learnerMastery(learnerId, signal),
    enabled: Boolean(learnerId),
  });
}

/** Published role profiles, for the filters (the same list the authoring and admin screens read). */
export function usePublishedRoleProfiles() {
  const query = useQuery({
    queryKey: ['role-profiles'],
    queryFn: ({ signal }) => frameworksAuthoringApi.roleProfiles(undefined, signal),
  });
  return { ...query, published: (query.data ?? []).filter((profile) => profile.publishedVersion > 0) };
}

export function useFrameworkList() {
  return useQuery({ queryKey: ['frameworks', 'list', ''], queryFn: ({ signal }) => frameworksApi.list(undefined, signal) });
}

/** The competencies of one framework's current published version (for a competency filter). */
export function useFrameworkCompetencies(frameworkId: string | undefined) {
  return useQuery({
    queryKey: ['frameworks', frameworkId ?? '', 'current-competencies'],
    queryFn: ({ signal }) => frameworksApi.competencies({ frameworkId }, signal),
    enabled: Boolean(frameworkId),
  });
}

/**
 * Names for the competencies of an answer: those of the framework the filters name, or, without one, of every
 * published framework (an answer across frameworks names competencies of any of them).
 */
export function useCompetencyNamesInView(frameworkId: string | undefined): Map<string, string> {
  const frameworks = useFrameworkList();
  const all = frameworkId ? [] : (frameworks.data ?? [])
    .filter((framework) => framework.publishedVersion > 0)
    .map((framework) => framework.frameworkId);
  return useCompetencyNames(frameworkId ? [frameworkId] : all);
}

/** "CODE Title" of each competency of the frameworks' current published versions, by competency id. */
export function useCompetencyNames(frameworkIds: readonly (string | undefined)[]): Map<string, string> {
  const unique = [...new Set(frameworkIds.filter((id): id is string => Boolean(id)))].sort();
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
