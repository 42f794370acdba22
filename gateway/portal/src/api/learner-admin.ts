// Administration side of the learner-profiles service (/api/learners): registration, team and role, erasure,
// read-model rebuild and the policy preview.
import type { RebuildStatus } from './assessment-authoring';
import { getJson, postJson } from './http';
import type { FrameworkCandidate } from './policy-candidate';

const base = '/api/learners';

/** One learner × competency whose level or mastered flag the candidate would change. */
export interface PolicyChange {
  /** Null in an author's preview: authors see what a policy would change, not for whom. */
  learnerId: string | null;
  competencyId: string;
  currentLevel: string | null;
  newLevel: string | null;
  currentlyMastered: boolean;
  newlyMastered: boolean;
  currentMethod: string | null;
  newMethod: string | null;
  currentPolicyVersion: number | null;
  newPolicyVersion: number | null;
  why: string | null;
}

export interface PolicyPreview {
  frameworkId: string;
  version: number;
  learnersExamined: number;
  changes: PolicyChange[];
}

export const learnerAdminApi = {
  /** Admins only: what publishing the candidate would change, per learner and competency. */
  policyPreview: (candidate: FrameworkCandidate) => postJson<PolicyPreview>(`${base}/admin/policy-preview`, candidate),
  rebuildStatus: (signal?: AbortSignal) => getJson<RebuildStatus>(`${base}/admin/rebuild`, undefined, signal),
  rebuild: () => postJson<RebuildStatus>(`${base}/admin/rebuild`),
};
