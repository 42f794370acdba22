// Client of the analytics service (/api/analytics): read models built from the public streams.
import { getJson, seg, withQuery } from './http';

/** Evidence not voided, counted per source type (ASSESSMENT, OBSERVATION, PEER, SELF, XAPI, ...). */
export type EvidenceBySource = Record<string, number>;

export interface TeamCapabilityCompetency {
  competencyId: string;
  frameworkId: string;
  /** True when the group is too small to show counts; then the numbers are null. */
  suppressed: boolean;
  rated: number | null;
  mastered: number | null;
  masteredShare: number | null;
  averageScore: number | null;
  levels: Record<string, number>;
}

export interface TeamCapabilityReport {
  teamId: string;
  memberCount: number;
  minimumGroupSize: number;
  competencies: TeamCapabilityCompetency[];
}

export interface AnalyticsMasteryCell {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  level: string | null;
  score: number | null;
  mastered: boolean | null;
  changedAt: string;
}

export const analyticsApi = {
  evidenceBySource: (signal?: AbortSignal) => getJson<EvidenceBySource>('/api/analytics/evidence/sources', undefined, signal),
  teamCapability: (teamId: string, signal?: AbortSignal) =>
    getJson<TeamCapabilityReport>(`/api/analytics/teams/${seg(teamId)}/capability`, undefined, signal),
  learnerMastery: (learnerId: string, signal?: AbortSignal) =>
    getJson<AnalyticsMasteryCell[]>(`/api/analytics/learners/${seg(learnerId)}/mastery`, undefined, signal),
  /** A link target for a download; the views are JSON today, CSV is built in the browser. */
  url: (path: string, query?: Record<string, string>) => withQuery(`/api/analytics${path}`, query),
};
