// Client of the learner-profiles service (/api/learners, /api/teams): profiles, mastery with its
// explanation, evidence timeline, gaps, recommendations, teams. Shapes follow the service's web records
// (LearnerController, MasteryView, TeamController) and the mastery package's Explanation.
import { deleteResource, getJson, getPage, postJson, putJson, seg, type Page } from './http';

export type SourceType =
  | 'ASSESSMENT'
  | 'OBSERVATION'
  | 'PEER'
  | 'SELF'
  | 'XAPI'
  | 'MANUAL_RATING'
  | 'PRIOR_LEARNING';

export interface Profile {
  learnerId: string;
  displayName: string | null;
  email: string | null;
  organisationUnit: string | null;
  registeredAt: string | null;
  roleProfileId: string | null;
  roleProfileVersion: number | null;
  teamId: string | null;
  managerId: string | null;
}

/** One learner × competency as last recorded (CurrentMastery.Entry). */
export interface MasteryEntry {
  learnerId: string;
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number;
  policyVersion: number | null;
  method: string | null;
  level: string | null;
  score: number | null;
  mastered: boolean;
  evidenceCount: number | null;
  expiresAt: string | null;
  changedAt: string | null;
  rolledUp: boolean;
  points: number | null;
  pointsTarget: number | null;
}

export interface ProfileView {
  profile: Profile;
  mastery: MasteryEntry[];
}

export type DecidingRule = 'NO_EVIDENCE' | 'MINIMUM_EVIDENCE' | 'N_MASTERY_PENDING' | 'COMPUTED' | 'MANUAL_RATING' | 'EXPIRED';
export type ExclusionReason = 'VOIDED' | 'NOT_YET_KNOWN' | 'AFTER_AS_OF' | 'ZERO_WEIGHT' | 'UNKNOWN_RATED_LEVEL';

export interface Contribution {
  evidenceId: string;
  sourceType: SourceType | null;
  occurredAt: string;
  rawScore: number;
  sourceWeight: number;
  effectiveWeight: number;
}

export interface Exclusion {
  evidenceId: string;
  sourceType: SourceType | null;
  occurredAt: string;
  rawScore: number;
  reason: ExclusionReason | null;
}

export interface Explanation {
  rule: DecidingRule;
  summary: string;
  contributions: Contribution[];
  exclusions: Exclusion[];
  computedScore: number | null;
  decayFactor: number;
}

export interface RollupChild {
  competencyId: string;
  levelCode: string | null;
  mastered: boolean;
  points: number;
  required: boolean;
}

export interface Rollup {
  rule: 'ALL_CHILDREN' | 'POINTS' | string;
  points: number;
  pointsTarget: number | null;
  children: RollupChild[];
  summary: string;
}

/** A mastery result with its explanation (MasteryView). */
export interface Mastery {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  pending: boolean;
  level: string | null;
  score: number | null;
  mastered: boolean;
  evidenceCount: number;
  evidenceAfterAsOf: number;
  evidenceNotYetKnown: number;
  firstEvidenceAt: string | null;
  lastEvidenceAt: string | null;
  expiresAt: string | null;
  method: string | null;
  policyVersion: number | null;
  explanation: Explanation | null;
  rollup: Rollup | null;
}

export interface EvidenceItem {
  evidenceId: string;
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number;
  score: number;
  sourceType: SourceType;
  actorId: string | null;
  occurredAt: string;
  recordedAt: string;
  ratedLevel: string | null;
}

export interface EvidenceEntry {
  evidence: EvidenceItem;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface Requirement {
  competencyId: string;
  code: string;
  title: string;
  targetLevel: string;
  currentLevel: string | null;
  gap: number;
  weight: number;
  met: boolean;
  mastered: boolean;
}

export interface GapReport {
  learnerId: string;
  roleProfileId: string;
  roleProfileVersion: number;
  roleTitle: string;
  /** 0 to 1: the weighted share of requirements met. */
  readiness: number;
  requirements: Requirement[];
}

export interface LearningResource {
  resourceId: string;
  version: number;
  title: string;
  url: string | null;
  type: string | null;
  duration: string | null;
  targetLevel: string | null;
}

export interface NextStep {
  competencyId: string;
  code: string;
  title: string;
  currentLevel: string | null;
  targetLevel: string;
  gap: number;
  prerequisitesFirst: string[];
  resources: LearningResource[];
}

export interface TeamMember {
  learnerId: string;
  displayName: string | null;
  roleProfileId: string | null;
  /** null when the member has no role or it is not known yet. */
  readiness: number | null;
  openGaps: number | null;
  masteredCompetencies: number;
}

export interface TeamView {
  teamId: string;
  memberCount: number;
  averageReadiness: number | null;
  members: TeamMember[];
}

export interface Registration {
  learnerId: string;
  displayName: string;
  email?: string;
  organisationUnit?: string;
}

export interface RebuildStatus {
  processor: string;
  running: boolean;
  caughtUp: boolean;
  replaying: boolean;
  readUpTo: number | null;
  [more: string]: unknown;
}

// --- guards: the shapes the screens rely on ---------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = <T>(value: unknown, guard: (v: unknown) => v is T): boolean => value === null || value === undefined || guard(value);
const arrayOf = <T>(value: unknown, guard: (v: unknown) => v is T): value is T[] => Array.isArray(value) && value.every(guard);

export function isContribution(value: unknown): value is Contribution {
  return isObject(value) && isString(value.evidenceId) && isString(value.occurredAt) && isNumber(value.rawScore)
    && isNumber(value.sourceWeight) && isNumber(value.effectiveWeight);
}

export function isExclusion(value: unknown): value is Exclusion {
  return isObject(value) && isString(value.evidenceId) && isString(value.occurredAt) && isNumber(value.rawScore)
    && optional(value.reason, isString);
}

export function isExplanation(value: unknown): value is Explanation {
  return isObject(value) && isString(value.rule) && isString(value.summary)
    && arrayOf(value.contributions, isContribution) && arrayOf(value.exclusions, isExclusion)
    && optional(value.computedScore, isNumber) && isNumber(value.decayFactor);
}

export function isMastery(value: unknown): value is Mastery {
  return isObject(value) && isString(value.competencyId) && isString(value.frameworkId)
    && typeof value.pending === 'boolean' && typeof value.mastered === 'boolean'
    && optional(value.level, isString) && optional(value.score, isNumber) && isNumber(value.evidenceCount)
    && optional(value.explanation, isExplanation)
    && optional(value.rollup, (r: unknown): r is Rollup => isObject(r) && isString(r.rule) && Array.isArray(r.children));
}

export function isEvidenceEntry(value: unknown): value is EvidenceEntry {
  if (!isObject(value) || !isObject(value.evidence)) {
    return false;
  }
  const e = value.evidence;
  return isString(e.evidenceId) && isString(e.competencyId) && isNumber(e.score) && isString(e.sourceType)
    && isString(e.occurredAt) && isString(e.recordedAt) && optional(value.voidedAt, isString);
}

export function isGapReport(value: unknown): value is GapReport {
  return isObject(value) && isString(value.roleProfileId) && isString(value.roleTitle) && isNumber(value.readiness)
    && arrayOf(value.requirements, (r: unknown): r is Requirement =>
      isObject(r) && isString(r.competencyId) && isString(r.targetLevel) && isNumber(r.gap) && typeof r.met === 'boolean');
}

export function isNextStep(value: unknown): value is NextStep {
  return isObject(value) && isString(value.competencyId) && isString(value.title) && isNumber(value.gap)
    && Array.isArray(value.prerequisitesFirst) && arrayOf(value.resources, (r: unknown): r is LearningResource =>
      isObject(r) && isString(r.resourceId) && isString(r.title));
}

export function isTeamView(value: unknown): value is TeamView {
  return isObject(value) && isString(value.teamId) && isNumber(value.memberCount)
    && arrayOf(value.members, (m: unknown): m is TeamMember =>
      isObject(m) && isString(m.learnerId) && optional(m.readiness, isNumber) && isNumber(m.masteredCompetencies));
}

/** Checks an answer against a guard, so a changed service shape fails loudly instead of rendering nonsense. */
export function checked<T>(value: unknown, guard: (v: unknown) => v is T, what: string): T {
  if (!guard(value)) {
    throw new Error(`The platform answered with an unexpected ${what}.`);
  }
  return value;
}

// --- calls ----------------------------------------------------------------------------------------

const base = '/api/learners';

export const learnersApi = {
  profile: (learnerId: string, signal?: AbortSignal) =>
    getJson<ProfileView>(`${base}/${seg(learnerId)}`, undefined, signal),
  mastery: async (learnerId: string, asOf?: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/${seg(learnerId)}/mastery`, { asOf }, signal),
      (v: unknown): v is Mastery[] => arrayOf(v, isMastery), 'mastery list'),
  masteryOf: async (learnerId: string, competencyId: string, asOf?: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/${seg(learnerId)}/mastery/${seg(competencyId)}`, { asOf }, signal),
      isMastery, 'mastery'),
  evidence: (learnerId: string, offset: number, limit: number, signal?: AbortSignal): Promise<Page<EvidenceEntry>> =>
    getPage<EvidenceEntry>(`${base}/${seg(learnerId)}/evidence`, { offset, limit }, signal),
  gaps: async (learnerId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/${seg(learnerId)}/gaps`, undefined, signal), isGapReport, 'gap report'),
  recommendations: async (learnerId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/${seg(learnerId)}/recommendations`, undefined, signal),
      (v: unknown): v is NextStep[] => arrayOf(v, isNextStep), 'list of next steps'),
  team: async (teamId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`/api/teams/${seg(teamId)}`, undefined, signal), isTeamView, 'team'),
  register: (body: Registration) => postJson<{ learnerId: string }>(base, body),
  assignRole: (learnerId: string, roleProfileId: string, roleProfileVersion?: number) =>
    putJson<void>(`${base}/${seg(learnerId)}/role`, { roleProfileId, roleProfileVersion }),
  changeTeam: (learnerId: string, teamId: string, managerId?: string) =>
    putJson<void>(`${base}/${seg(learnerId)}/team`, { teamId, managerId }),
  erase: (learnerId: string) => deleteResource(`${base}/${seg(learnerId)}`),
  rebuildStatus: (signal?: AbortSignal) => getJson<RebuildStatus>(`${base}/admin/rebuild`, undefined, signal),
};

// --- level history and team mastery ---------------------------------------------------------------

/** EVIDENCE: new or voided evidence changed the level; TIME: decay or expiry did. */
export type LevelChangeCause = 'EVIDENCE' | 'TIME';

/** One change of a learner's level on one competency (GET .../mastery/{competencyId}/history, oldest first). */
export interface LevelChange {
  at: string;
  level: string | null;
  score: number | null;
  mastered: boolean;
  cause: LevelChangeCause;
  evidenceIds: string[];
}

/** One member's current level on one competency, as the team's mastery lists it. */
export interface MemberCompetency {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  level: string | null;
  score: number | null;
  mastered: boolean;
  expiresAt: string | null;
}

export interface MemberMastery {
  learnerId: string;
  displayName: string | null;
  roleProfileId: string | null;
  readiness: number | null;
  lastEvidenceAt: string | null;
  competencies: MemberCompetency[];
}

/** The whole team's current levels in one answer (GET /api/teams/{teamId}/mastery, for the team's manager). */
export interface TeamMastery {
  teamId: string;
  asOf: string;
  members: MemberMastery[];
}

export function isLevelChange(value: unknown): value is LevelChange {
  return isObject(value) && isString(value.at) && optional(value.level, isString) && optional(value.score, isNumber)
    && typeof value.mastered === 'boolean' && isString(value.cause) && arrayOf(value.evidenceIds, isString);
}

export function isMemberCompetency(value: unknown): value is MemberCompetency {
  return isObject(value) && isString(value.competencyId) && isString(value.frameworkId)
    && optional(value.frameworkVersion, isNumber) && optional(value.level, isString) && optional(value.score, isNumber)
    && typeof value.mastered === 'boolean';
}

export function isMemberMastery(value: unknown): value is MemberMastery {
  return isObject(value) && isString(value.learnerId) && optional(value.readiness, isNumber)
    && optional(value.lastEvidenceAt, isString) && arrayOf(value.competencies, isMemberCompetency);
}

export function isTeamMastery(value: unknown): value is TeamMastery {
  return isObject(value) && isString(value.teamId) && arrayOf(value.members, isMemberMastery);
}

export const masteryHistoryApi = {
  history: async (learnerId: string, competencyId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/${seg(learnerId)}/mastery/${seg(competencyId)}/history`, undefined, signal),
      (v: unknown): v is LevelChange[] => arrayOf(v, isLevelChange), 'level history'),
  teamMastery: async (teamId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`/api/teams/${seg(teamId)}/mastery`, undefined, signal), isTeamMastery, 'team mastery'),
};
