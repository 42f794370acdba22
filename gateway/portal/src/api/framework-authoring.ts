// Authoring side of the frameworks service (/api/frameworks): mastery-policy parts, version diff, CASE import,
// role profiles, learning resources and the read-model rebuild.
import { getJson, postJson, putJson, seg } from './http';
import type { Policy, Relation, RoleProfileDefinition, RoleProfileView, Scale } from './frameworks';

const base = '/api/frameworks';

export const METHOD_TYPES = [
  'HIGHEST',
  'LATEST',
  'AVERAGE',
  'N_MASTERY',
  'WEIGHTED_AVERAGE',
  'DECAYING_AVERAGE',
  'BKT',
] as const;
export type MethodType = (typeof METHOD_TYPES)[number];

export const SOURCE_TYPES = ['ASSESSMENT', 'OBSERVATION', 'PEER', 'SELF', 'XAPI', 'MANUAL_RATING', 'PRIOR_LEARNING'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const MANUAL_RATING_PRECEDENCES = ['UNTIL_NEWER_EVIDENCE', 'ALWAYS', 'NEVER'] as const;
export type ManualRatingPrecedence = (typeof MANUAL_RATING_PRECEDENCES)[number];

export const ROLL_UP_TYPES = ['NONE', 'ALL_CHILDREN', 'POINTS'] as const;
export type RollUpType = (typeof ROLL_UP_TYPES)[number];

export const RELATION_TYPES = ['PRECEDES', 'IS_RELATED_TO', 'EXACT_MATCH_OF', 'IMPLIES'] as const;

export interface BktParameters {
  pL0: number | null;
  pT: number | null;
  pG: number | null;
  pS: number | null;
  pF: number | null;
}

/** A mastery method with its parameters (the service's Method record); only the chosen type's are meaningful. */
export interface PolicyMethod {
  type: MethodType;
  n: number | null;
  weight: number | null;
  decay: number | null;
  bkt: BktParameters | null;
}

export interface RollUp {
  type: RollUpType;
  pointsTarget: number | null;
  requiredChildren: string[];
}

/** The method of a policy as the service sends it, or null when the policy has none. */
export function methodOf(policy: Policy | null | undefined): PolicyMethod | null {
  const method = policy?.method;
  if (!method || typeof method !== 'object' || typeof method.type !== 'string') {
    return null;
  }
  const number = (key: string) => (typeof method[key] === 'number' ? (method[key] as number) : null);
  const bkt = method.bkt && typeof method.bkt === 'object' ? (method.bkt as BktParameters) : null;
  return { type: method.type as MethodType, n: number('n'), weight: number('weight'), decay: number('decay'), bkt };
}

export function rollUpOf(policy: Policy | null | undefined): RollUp | null {
  const rollUp = policy?.rollUp;
  if (!rollUp || typeof rollUp.type !== 'string') {
    return null;
  }
  return {
    type: rollUp.type as RollUpType,
    pointsTarget: typeof rollUp.pointsTarget === 'number' ? rollUp.pointsTarget : null,
    requiredChildren: Array.isArray(rollUp.requiredChildren) ? (rollUp.requiredChildren as string[]) : [],
  };
}

/** The frameworks service's defaults for a framework without its own scale or policy. */
export const DEFAULT_SCALE: Scale = {
  levels: [
    { code: 'NOVICE', label: 'Novice', threshold: 0.0, mastery: false },
    { code: 'DEVELOPING', label: 'Developing', threshold: 0.4, mastery: false },
    { code: 'PROFICIENT', label: 'Proficient', threshold: 0.7, mastery: true },
    { code: 'EXPERT', label: 'Expert', threshold: 0.9, mastery: false },
  ],
};

export const DEFAULT_POLICY: Policy = {
  method: { type: 'HIGHEST', n: null, weight: null, decay: null, bkt: null },
  sourceWeights: {},
  minimumEvidence: 0,
  manualRatingPrecedence: 'UNTIL_NEWER_EVIDENCE',
  rollUp: { type: 'NONE', pointsTarget: null, requiredChildren: [] },
  validityPeriod: null,
  decayHalfLife: null,
};

export interface CompetencyRef {
  id: string;
  code: string;
  title: string;
}

export interface CompetencyChange {
  id: string;
  code: string;
  fields: string[];
}

/** What changed between two versions, competencies matched by their stable id. */
export interface FrameworkDiff {
  from: number;
  to: number;
  added: CompetencyRef[];
  removed: CompetencyRef[];
  changed: CompetencyChange[];
  relationsAdded: Relation[];
  relationsRemoved: Relation[];
  scaleChanged: boolean;
  policyChanged: boolean;
  frameworkFieldsChanged: string[];
}

export interface CaseItemRef {
  identifier: string;
  code: string;
  title: string;
}

export interface CaseItemChange {
  identifier: string;
  code: string;
  fields: string[];
}

export interface CaseItemError {
  identifier: string;
  reason: string;
}

/** What a CASE import did, or in a dry run would do. */
export interface ImportReport {
  frameworkId: string;
  documentIdentifier: string;
  title: string;
  dryRun: boolean;
  frameworkCreated: boolean;
  version: number | null;
  published: boolean;
  created: CaseItemRef[];
  changed: CaseItemChange[];
  removed: CaseItemRef[];
  unchanged: number;
  relationsAdded: Relation[];
  relationsRemoved: Relation[];
  scaleChanged: boolean;
  warnings: string[];
  errors: CaseItemError[];
  millis: number;
}

export interface CaseImportOptions {
  dryRun: boolean;
  publish?: boolean;
  /** The framework code for a first import; the service derives one from the title otherwise. */
  code?: string;
}

export type { RoleProfileDefinition, RoleProfileView, RoleRequirement as Requirement } from './frameworks';

export const RESOURCE_TYPES = ['COURSE', 'ARTICLE', 'VIDEO', 'EXERCISE', 'BOOK', 'MENTORING', 'SIMULATION', 'OTHER'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface ResourceTarget {
  competencyId: string;
  targetLevel: string;
}

export interface ResourceDefinition {
  title: string;
  url: string;
  type: ResourceType;
  duration: string | null;
  frameworkId: string;
  competencies: ResourceTarget[];
}

export interface ResourceView {
  resourceId: string;
  title: string;
  frameworkId: string;
  draftVersion: number;
  publishedVersion: number;
  draft: ResourceDefinition | null;
  published: ResourceDefinition | null;
}

/** What a synchronous rebuild of the frameworks read models did. */
export interface FrameworksRebuildResult {
  readModels: string[];
  eventsReplayed: number;
  startedAt: string;
  millis: number;
}

export const frameworksAuthoringApi = {
  diff: (frameworkId: string, from: number, to: number, signal?: AbortSignal) =>
    getJson<FrameworkDiff>(`${base}/${seg(frameworkId)}/diff`, { from, to }, signal),
  caseImport: (pkg: unknown, options: CaseImportOptions) =>
    postJson<ImportReport>(`${base}/case/import`, pkg, {
      dryRun: options.dryRun,
      publish: options.publish ? true : undefined,
      code: options.code,
    }),
  roleProfiles: (frameworkId?: string, signal?: AbortSignal) =>
    getJson<RoleProfileView[]>(`${base}/role-profiles`, { frameworkId }, signal),
  createRoleProfile: (definition: RoleProfileDefinition) =>
    postJson<RoleProfileView>(`${base}/role-profiles`, definition),
  defineRoleProfile: (roleProfileId: string, definition: RoleProfileDefinition) =>
    putJson<RoleProfileView>(`${base}/role-profiles/${seg(roleProfileId)}`, definition),
  publishRoleProfile: (roleProfileId: string) =>
    postJson<RoleProfileView>(`${base}/role-profiles/${seg(roleProfileId)}/publication`),
  resources: (frameworkId?: string, signal?: AbortSignal) =>
    getJson<ResourceView[]>(`${base}/learning-resources`, { frameworkId }, signal),
  createResource: (definition: ResourceDefinition) => postJson<ResourceView>(`${base}/learning-resources`, definition),
  defineResource: (resourceId: string, definition: ResourceDefinition) =>
    putJson<ResourceView>(`${base}/learning-resources/${seg(resourceId)}`, definition),
  publishResource: (resourceId: string) =>
    postJson<ResourceView>(`${base}/learning-resources/${seg(resourceId)}/publication`),
  /** Drops and replays every read model; the service answers when done (it has no status endpoint). */
  rebuild: () => postJson<FrameworksRebuildResult>(`${base}/admin/rebuild`),
};
