// Client of the frameworks service (/api/frameworks): frameworks and versions, role profiles, learning
// resources, CASE import.
import { getJson, postJson, putJson, seg, type QueryParams } from './http';

export type FrameworkStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';

export interface VersionState {
  version: number;
  status: FrameworkStatus;
}

export interface FrameworkSummary {
  frameworkId: string;
  code: string;
  title: string;
  description: string | null;
  externalId: string | null;
  status: FrameworkStatus;
  latestVersion: number;
  publishedVersion: number;
  versions: VersionState[];
}

export interface Level {
  code: string;
  label: string;
  threshold: number | null;
  mastery: boolean;
}

export interface Scale {
  levels: Level[];
}

/** The mastery policy; its method and rule parameters are kept as the service sends them. */
export interface Policy {
  method: Record<string, unknown> | string | null;
  sourceWeights: Record<string, number> | null;
  minimumEvidence: number | null;
  manualRatingPrecedence: string | null;
  rollUp: Record<string, unknown> | null;
  validityPeriod: string | null;
  decayHalfLife: string | null;
}

export interface Competency {
  id: string;
  code: string;
  title: string;
  description: string | null;
  parentCode: string | null;
  position: number | null;
  taxonomyLabel: string | null;
  externalId: string | null;
  externalChangedAt: string | null;
  scaleOverride: Scale | null;
  policyOverride: Policy | null;
}

export interface Relation {
  source: string;
  target: string;
  type: string;
}

export interface FrameworkContent {
  title: string;
  description: string | null;
  externalId: string | null;
  competencies: Competency[];
  relations: Relation[];
  scale: Scale | null;
  policy: Policy | null;
}

export interface VersionView {
  frameworkId: string;
  code: string;
  version: number;
  status: FrameworkStatus;
  policyVersion: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  changedAt: string | null;
  content: FrameworkContent;
}

export interface TreeNode {
  id: string;
  code: string;
  title: string;
  description: string | null;
  taxonomyLabel: string | null;
  position: number;
  externalId: string | null;
  children: TreeNode[];
}

export interface FrameworkTree {
  frameworkId: string;
  version: number;
  status: FrameworkStatus;
  title: string;
  roots: TreeNode[];
}

export interface CompetencyHit {
  frameworkId: string;
  version: number;
  status: FrameworkStatus;
  id: string;
  code: string;
  title: string;
  description: string | null;
  parentCode: string | null;
  externalId: string | null;
}

export interface NewFramework {
  code: string;
  title: string;
  description?: string;
}

const base = '/api/frameworks';

export const frameworksApi = {
  list: (query?: { q?: string; code?: string }, signal?: AbortSignal) =>
    getJson<FrameworkSummary[]>(base, query, signal),
  get: (frameworkId: string, signal?: AbortSignal) =>
    getJson<FrameworkSummary>(`${base}/${seg(frameworkId)}`, undefined, signal),
  version: (frameworkId: string, version: number, signal?: AbortSignal) =>
    getJson<VersionView>(`${base}/${seg(frameworkId)}/versions/${seg(version)}`, undefined, signal),
  tree: (frameworkId: string, version: number, signal?: AbortSignal) =>
    getJson<FrameworkTree>(`${base}/${seg(frameworkId)}/versions/${seg(version)}/tree`, undefined, signal),
  diff: (frameworkId: string, from: number, to: number, signal?: AbortSignal) =>
    getJson<unknown>(`${base}/${seg(frameworkId)}/diff`, { from, to }, signal),
  competencies: (query: { q?: string; code?: string; frameworkId?: string; version?: number }, signal?: AbortSignal) =>
    getJson<CompetencyHit[]>(`${base}/competencies`, query as QueryParams, signal),
  create: (body: NewFramework) => postJson<FrameworkSummary>(base, body),
  editDraft: (frameworkId: string, content: FrameworkContent) =>
    putJson<VersionView>(`${base}/${seg(frameworkId)}/draft`, content),
  publish: (frameworkId: string) => postJson<VersionView>(`${base}/${seg(frameworkId)}/publication`),
  retire: (frameworkId: string, reason?: string) =>
    postJson<FrameworkSummary>(`${base}/${seg(frameworkId)}/retirement`, { reason }),
  roleProfiles: (signal?: AbortSignal) => getJson<unknown[]>(`${base}/role-profiles`, undefined, signal),
  roleProfile: (roleProfileId: string, signal?: AbortSignal) =>
    getJson<unknown>(`${base}/role-profiles/${seg(roleProfileId)}`, undefined, signal),
  learningResources: (signal?: AbortSignal) => getJson<unknown[]>(`${base}/learning-resources`, undefined, signal),
  learningResource: (resourceId: string, signal?: AbortSignal) =>
    getJson<unknown>(`${base}/learning-resources/${seg(resourceId)}`, undefined, signal),
};

// --- role profiles, typed -------------------------------------------------------------------------

export interface RoleRequirement {
  competencyId: string;
  targetLevel: string;
  weight: number | null;
}

/** What a role requires, against one framework version (null: the framework's published version). */
export interface RoleProfileDefinition {
  title: string;
  description: string | null;
  frameworkId: string;
  frameworkVersion: number | null;
  requirements: RoleRequirement[];
}

export interface RoleProfileView {
  roleProfileId: string;
  title: string;
  frameworkId: string;
  draftVersion: number;
  publishedVersion: number;
  draft: RoleProfileDefinition | null;
  published: RoleProfileDefinition | null;
}

function isRoleProfileDefinition(value: unknown): value is RoleProfileDefinition {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const definition = value as Record<string, unknown>;
  return typeof definition.frameworkId === 'string' && Array.isArray(definition.requirements)
    && (definition.frameworkVersion === null || definition.frameworkVersion === undefined
      || typeof definition.frameworkVersion === 'number');
}

export function isRoleProfileView(value: unknown): value is RoleProfileView {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const view = value as Record<string, unknown>;
  const definition = (d: unknown) => d === null || d === undefined || isRoleProfileDefinition(d);
  return typeof view.roleProfileId === 'string' && typeof view.frameworkId === 'string'
    && definition(view.published) && definition(view.draft);
}

export async function roleProfileView(roleProfileId: string, signal?: AbortSignal): Promise<RoleProfileView> {
  const value = await getJson<unknown>(`${base}/role-profiles/${seg(roleProfileId)}`, undefined, signal);
  if (!isRoleProfileView(value)) {
    throw new Error('The platform answered with an unexpected role profile.');
  }
  return value;
}
