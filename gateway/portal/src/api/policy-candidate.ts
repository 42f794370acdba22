// A framework version in the shape of the public framework.published snapshot, as the learner service's policy
// preview reads it: codes become competency ids, absent scale and policy get the service defaults, and only the
// parameters of the chosen mastery method are kept (the same translation the frameworks service publishes).
import {
  DEFAULT_POLICY,
  DEFAULT_SCALE,
  methodOf,
  rollUpOf,
  type BktParameters,
  type MethodType,
  type RollUpType,
} from './framework-authoring';
import type { Policy, Scale, VersionView } from './frameworks';

export interface CandidateLevel {
  code: string;
  label: string;
  threshold: number;
  mastery: boolean;
}

export interface CandidateScale {
  levels: CandidateLevel[];
}

export interface CandidateMethod {
  type: MethodType;
  n?: number;
  weight?: number;
  decay?: number;
  bkt?: BktParameters;
}

export interface CandidatePolicy {
  policyVersion: number;
  method: CandidateMethod;
  sourceWeights: Record<string, number>;
  minimumEvidence: number;
  manualRatingPrecedence: string;
  rollUp?: { type: RollUpType; pointsTarget?: number; requiredChildren?: string[] };
  validityPeriod?: string;
  decayHalfLife?: string;
}

export interface CandidateCompetency {
  id: string;
  code: string;
  title: string;
  description?: string;
  parentId?: string;
  position: number;
  taxonomyLabel?: string;
  externalId?: string;
  scaleOverride?: CandidateScale;
  policyOverride?: CandidatePolicy;
}

export interface FrameworkCandidate {
  frameworkId: string;
  version: number;
  code: string;
  title: string;
  description?: string;
  externalId?: string;
  publishedAt: string;
  competencies: CandidateCompetency[];
  relations: { sourceId: string; targetId: string; type: string }[];
  scale: CandidateScale;
  masteryPolicy: CandidatePolicy;
}

function present<T>(value: T | null | undefined): T | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function scaleOf(scale: Scale): CandidateScale {
  return {
    levels: scale.levels.map((level) => ({
      code: level.code,
      label: level.label,
      threshold: level.threshold ?? 0,
      mastery: level.mastery,
    })),
  };
}

function policyOf(policy: Policy, policyVersion: number, ids: Map<string, string>): CandidatePolicy {
  const method = methodOf(policy) ?? methodOf(DEFAULT_POLICY)!;
  const kept: CandidateMethod = { type: method.type };
  if (method.type === 'N_MASTERY' && method.n !== null) kept.n = method.n;
  if (method.type === 'WEIGHTED_AVERAGE' && method.weight !== null) kept.weight = method.weight;
  if (method.type === 'DECAYING_AVERAGE' && method.decay !== null) kept.decay = method.decay;
  if (method.type === 'BKT' && method.bkt) kept.bkt = method.bkt;
  const rollUp = rollUpOf(policy);
  const candidate: CandidatePolicy = {
    policyVersion,
    method: kept,
    sourceWeights: policy.sourceWeights ?? {},
    minimumEvidence: policy.minimumEvidence ?? 0,
    manualRatingPrecedence: policy.manualRatingPrecedence ?? 'UNTIL_NEWER_EVIDENCE',
  };
  if (rollUp) {
    candidate.rollUp = { type: rollUp.type };
    if (rollUp.pointsTarget !== null) candidate.rollUp.pointsTarget = rollUp.pointsTarget;
    if (rollUp.requiredChildren.length > 0) {
      candidate.rollUp.requiredChildren = rollUp.requiredChildren.map((code) => ids.get(code) ?? code);
    }
  }
  const validity = present(policy.validityPeriod);
  if (validity) candidate.validityPeriod = validity;
  const halfLife = present(policy.decayHalfLife);
  if (halfLife) candidate.decayHalfLife = halfLife;
  return candidate;
}

/** The candidate for a preview of `view` (usually the draft), as if it were published now. */
export function toCandidate(view: VersionView, now: Date = new Date()): FrameworkCandidate {
  const content = view.content;
  const ids = new Map(content.competencies.map((competency) => [competency.code, competency.id]));
  const policyVersion = view.policyVersion ?? 1;
  const positions = new Map<string, number>();
  const competencies = content.competencies.map((competency) => {
    const parent = competency.parentCode ?? '';
    const position = competency.position ?? positions.get(parent) ?? 0;
    positions.set(parent, position + 1);
    const candidate: CandidateCompetency = {
      id: competency.id,
      code: competency.code,
      title: competency.title,
      position,
    };
    const parentId = competency.parentCode ? ids.get(competency.parentCode) : undefined;
    if (parentId) candidate.parentId = parentId;
    if (present(competency.description)) candidate.description = competency.description!;
    if (present(competency.taxonomyLabel)) candidate.taxonomyLabel = competency.taxonomyLabel!;
    if (present(competency.externalId)) candidate.externalId = competency.externalId!;
    if (competency.scaleOverride) candidate.scaleOverride = scaleOf(competency.scaleOverride);
    if (competency.policyOverride) candidate.policyOverride = policyOf(competency.policyOverride, policyVersion, ids);
    return candidate;
  });
  const candidate: FrameworkCandidate = {
    frameworkId: view.frameworkId,
    version: view.version,
    code: view.code,
    title: content.title,
    publishedAt: now.toISOString(),
    competencies,
    relations: content.relations.map((relation) => ({
      sourceId: ids.get(relation.source) ?? relation.source,
      targetId: ids.get(relation.target) ?? relation.target,
      type: relation.type,
    })),
    scale: scaleOf(content.scale ?? DEFAULT_SCALE),
    masteryPolicy: policyOf(content.policy ?? DEFAULT_POLICY, policyVersion, ids),
  };
  if (present(content.description)) candidate.description = content.description!;
  if (present(content.externalId)) candidate.externalId = content.externalId!;
  return candidate;
}
