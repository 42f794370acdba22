// Client of the analytics service (/api/analytics): read models built only from the public streams. Every GET
// answers JSON here and the same query with `format=csv` answers CSV, which the download links use.
import { getJson, postJson, seg, withQuery, type QueryParams } from './http';

// --- shapes ---------------------------------------------------------------------------------------

/**
 * A unit, or one team of a unit, as the analytics views group people. When `suppressed` is true the group is too
 * small to show to the caller: every count of it is null (never 0) and so is `members`.
 */
export interface Group {
  unit: string;
  teamId: string | null;
  members: number | null;
  suppressed: boolean;
}

export type GroupBy = 'unit' | 'team';
export type Interval = 'week' | 'month';

export interface CapabilityCompetency {
  competencyId: string;
  code: string;
  title: string;
  frameworkId: string;
  frameworkVersion: number | null;
}

export interface CapabilityCell {
  unit: string;
  teamId: string | null;
  competencyId: string;
  suppressed: boolean;
  rated: number | null;
  mastered: number | null;
  masteredShare: number | null;
  averageScore: number | null;
  /** People per level code; empty (or null) when suppressed. */
  levels: Record<string, number> | null;
}

export interface CapabilityMap {
  asOf: string;
  /** Groups smaller than this are suppressed; 0 for a caller who may see people. */
  minimumGroupSize: number;
  competencies: CapabilityCompetency[];
  groups: Group[];
  cells: CapabilityCell[];
}

export type ReadinessStatus = 'READY' | 'CLOSE' | 'FAR';

export interface UnmetRequirement {
  competencyId: string;
  targetLevel: string;
  level: string | null;
}

/** Analytics knows people by id only; their names come from learner-profiles. */
export interface ReadinessPerson {
  learnerId: string;
  status: ReadinessStatus;
  metWeight: number;
  unmet: UnmetRequirement[];
}

export interface ReadinessGroup extends Group {
  ready: number | null;
  close: number | null;
  far: number | null;
  /** Only for a caller allowed to see these people (the team's manager, an administrator). */
  people?: ReadinessPerson[];
}

export interface Readiness {
  roleProfileId: string;
  roleProfileVersion: number | null;
  title: string;
  closeThreshold: number;
  minimumGroupSize: number;
  groups: ReadinessGroup[];
}

export interface TrendPoint {
  periodStart: string;
  periodEnd: string;
  suppressed: boolean;
  rated: number | null;
  mastered: number | null;
  masteredShare: number | null;
}

export interface TrendSeries {
  unit: string;
  teamId: string | null;
  competencyId: string;
  /** The competency and its framework as the catalogue names them; null when no framework containing it was published. */
  competencyCode: string | null;
  competencyTitle: string | null;
  frameworkId: string | null;
  frameworkTitle: string | null;
  points: TrendPoint[];
}

export interface Trend {
  interval: Interval;
  from: string;
  to: string;
  minimumGroupSize: number;
  series: TrendSeries[];
}

export interface MasteryTimeRow {
  unit: string;
  teamId: string | null;
  competencyId: string;
  suppressed: boolean;
  learners: number | null;
  medianDays: number | null;
  p75Days: number | null;
}

export interface SourceMixRow {
  competencyId: string;
  /** The sorted, `+`-joined source types of the evidence before mastery, e.g. `OBSERVATION+QUIZ`. */
  mix: string;
  suppressed: boolean;
  learners: number | null;
  medianDays: number | null;
  p75Days: number | null;
}

export interface TimeToMastery {
  minimumGroupSize: number;
  rows: MasteryTimeRow[];
  bySourceMix: SourceMixRow[];
}

export type CoachingKind = 'STALLED' | 'EXPIRING' | 'CLOSE_TO_READY';

/** Analytics knows people by id only; their names come from learner-profiles. */
export interface CoachingEntry {
  learnerId: string;
  teamId: string | null;
  kind: CoachingKind;
  competencyId: string | null;
  roleProfileId: string | null;
  reason: string;
  since: string | null;
  expiresAt: string | null;
}

export interface CoachingList {
  entries: CoachingEntry[];
}

export interface GapByGroup {
  unit: string;
  teamId: string | null;
  assigned: number | null;
  heldBack: number | null;
  suppressed: boolean;
}

export interface SkillGap {
  roleProfileId: string;
  competencyId: string;
  code: string | null;
  title: string | null;
  targetLevel: string;
  weight: number;
  assigned: number | null;
  heldBack: number | null;
  gapScore: number | null;
  suppressed: boolean;
  byGroup: GapByGroup[];
}

export interface SkillGaps {
  minimumGroupSize: number;
  gaps: SkillGap[];
}

export interface EvidenceFlowPoint {
  periodStart: string;
  sourceType: string;
  recorded: number;
  voided: number;
}

export interface EvidenceFlow {
  interval: Interval;
  /** Share of the non-voided evidence in the range on competencies no published role profile requires. */
  unrequiredShare: number | null;
  points: EvidenceFlowPoint[];
}

export type RebuildState = 'IDLE' | 'RUNNING' | 'DONE' | 'FAILED';

export interface AnalyticsRebuild {
  state: RebuildState;
  startedAt: string | null;
  finishedAt: string | null;
  eventsRead: number | null;
  eventsTotal: number | null;
  percentDone: number | null;
  topics: Record<string, { read: number; end: number }> | null;
}

/** One learner's current mastery as analytics holds it (administrators only). */
export interface AnalyticsMasteryCell {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  level: string | null;
  score: number | null;
  mastered: boolean | null;
  changedAt: string;
}

// --- query parameters -------------------------------------------------------------------------------

/** The filters every view shares; each view sends the ones the service reads for it. */
export interface CommonFilters {
  frameworkId?: string;
  frameworkVersion?: number;
  roleProfileId?: string;
  unit?: string;
  teamId?: string;
  groupBy?: GroupBy;
}

export interface CapabilityQuery extends CommonFilters {
  asOf?: string;
}

export interface ReadinessQuery {
  roleProfileId: string;
  unit?: string;
  teamId?: string;
  groupBy?: GroupBy;
  closeThreshold?: number;
}

export interface TrendQuery {
  competencyId?: string;
  frameworkId?: string;
  unit?: string;
  teamId?: string;
  groupBy?: GroupBy;
  from?: string;
  to?: string;
  interval?: Interval;
}

export interface TimeToMasteryQuery {
  frameworkId?: string;
  competencyId?: string;
  unit?: string;
  teamId?: string;
  groupBy?: GroupBy;
}

export interface CoachingQuery {
  teamId?: string;
  unit?: string;
  stalledWeeks?: number;
  expiringDays?: number;
  closeThreshold?: number;
}

export interface GapsQuery {
  roleProfileId?: string;
  unit?: string;
  teamId?: string;
  groupBy?: GroupBy;
  limit?: number;
}

export interface EvidenceFlowQuery {
  from?: string;
  to?: string;
  interval?: Interval;
  unit?: string;
  teamId?: string;
}

// --- guards: the shapes the screens rely on ----------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const nullable = (value: unknown, guard: (v: unknown) => boolean): boolean => value === null || value === undefined || guard(value);
const listOf = (value: unknown, guard: (v: unknown) => boolean): boolean => Array.isArray(value) && value.every(guard);
const countOrNull = (value: unknown) => nullable(value, isNumber);

function isGroupKey(value: Json): boolean {
  return isString(value.unit) && nullable(value.teamId, isString);
}

/** A suppressed entry must carry no count at all: a 0 there would read as "nobody" instead of "hidden". */
function suppressionHolds(value: Json, counts: readonly string[]): boolean {
  return isBoolean(value.suppressed) && (!value.suppressed || counts.every((key) => value[key] === null || value[key] === undefined));
}

function isGroup(value: unknown): boolean {
  return isObject(value) && isGroupKey(value) && countOrNull(value.members) && suppressionHolds(value, ['members']);
}

function isCapabilityMap(value: unknown): value is CapabilityMap {
  return isObject(value) && isString(value.asOf) && isNumber(value.minimumGroupSize)
    && listOf(value.competencies, (c) => isObject(c) && isString(c.competencyId) && isString(c.frameworkId))
    && listOf(value.groups, isGroup)
    && listOf(value.cells, (c) => isObject(c) && isGroupKey(c) && isString(c.competencyId)
      && suppressionHolds(c, ['rated', 'mastered', 'masteredShare', 'averageScore'])
      && countOrNull(c.rated) && countOrNull(c.masteredShare) && nullable(c.levels, isObject));
}

function isReadiness(value: unknown): value is Readiness {
  return isObject(value) && isString(value.roleProfileId) && isNumber(value.closeThreshold) && isNumber(value.minimumGroupSize)
    && listOf(value.groups, (g) => isGroup(g) && isObject(g) && suppressionHolds(g, ['ready', 'close', 'far'])
      && nullable(g.people, (people) => listOf(people, (p) => isObject(p) && isString(p.learnerId) && isString(p.status)
        && listOf(p.unmet, (u) => isObject(u) && isString(u.competencyId)))));
}

function isTrend(value: unknown): value is Trend {
  return isObject(value) && isString(value.interval) && isNumber(value.minimumGroupSize)
    && listOf(value.series, (s) => isObject(s) && isGroupKey(s) && isString(s.competencyId)
      && ['competencyCode', 'competencyTitle', 'frameworkId', 'frameworkTitle'].every((key) => nullable(s[key], isString))
      && listOf(s.points, (p) => isObject(p) && isString(p.periodStart) && suppressionHolds(p, ['rated', 'mastered', 'masteredShare'])
        && countOrNull(p.masteredShare)));
}

function isTimeToMastery(value: unknown): value is TimeToMastery {
  const row = (r: unknown) => isObject(r) && isString(r.competencyId) && suppressionHolds(r, ['learners', 'medianDays', 'p75Days'])
    && countOrNull(r.medianDays) && countOrNull(r.p75Days);
  return isObject(value) && isNumber(value.minimumGroupSize)
    && listOf(value.rows, (r) => row(r) && isObject(r) && isGroupKey(r))
    && listOf(value.bySourceMix, (r) => row(r) && isObject(r) && isString(r.mix));
}

function isCoachingList(value: unknown): value is CoachingList {
  return isObject(value) && listOf(value.entries, (e) => isObject(e) && isString(e.learnerId) && isString(e.kind) && isString(e.reason));
}

function isSkillGaps(value: unknown): value is SkillGaps {
  return isObject(value) && isNumber(value.minimumGroupSize)
    && listOf(value.gaps, (g) => isObject(g) && isString(g.roleProfileId) && isString(g.competencyId)
      && suppressionHolds(g, ['assigned', 'heldBack', 'gapScore']) && countOrNull(g.gapScore)
      && listOf(g.byGroup, (b) => isObject(b) && isGroupKey(b) && suppressionHolds(b, ['assigned', 'heldBack'])));
}

function isEvidenceFlow(value: unknown): value is EvidenceFlow {
  return isObject(value) && isString(value.interval) && nullable(value.unrequiredShare, isNumber)
    && listOf(value.points, (p) => isObject(p) && isString(p.periodStart) && isString(p.sourceType)
      && isNumber(p.recorded) && isNumber(p.voided));
}

function isRebuild(value: unknown): value is AnalyticsRebuild {
  return isObject(value) && isString(value.state) && nullable(value.percentDone, isNumber);
}

function checked<T>(value: unknown, guard: (v: unknown) => v is T, what: string): T {
  if (!guard(value)) {
    throw new Error(`The platform answered with an unexpected ${what}.`);
  }
  return value;
}

// --- calls --------------------------------------------------------------------------------------------

const base = '/api/analytics';

async function read<T>(path: string, query: object | undefined, guard: (v: unknown) => v is T, what: string,
                       signal?: AbortSignal): Promise<T> {
  return checked(await getJson<unknown>(`${base}${path}`, query as QueryParams | undefined, signal), guard, what);
}

export const analyticsApi = {
  capability: (query: CapabilityQuery, signal?: AbortSignal) =>
    read('/capability', query, isCapabilityMap, 'capability map', signal),
  readiness: (query: ReadinessQuery, signal?: AbortSignal) =>
    read('/readiness', query, isReadiness, 'readiness report', signal),
  trend: (query: TrendQuery, signal?: AbortSignal) => read('/trend', query, isTrend, 'trend', signal),
  timeToMastery: (query: TimeToMasteryQuery, signal?: AbortSignal) =>
    read('/time-to-mastery', query, isTimeToMastery, 'time-to-mastery report', signal),
  coaching: (query: CoachingQuery, signal?: AbortSignal) =>
    read('/coaching', query, isCoachingList, 'coaching list', signal),
  gaps: (query: GapsQuery, signal?: AbortSignal) => read('/gaps', query, isSkillGaps, 'list of skill gaps', signal),
  evidenceFlow: (query: EvidenceFlowQuery, signal?: AbortSignal) =>
    read('/evidence-flow', query, isEvidenceFlow, 'evidence flow', signal),
  learnerMastery: (learnerId: string, signal?: AbortSignal) =>
    getJson<AnalyticsMasteryCell[]>(`${base}/learners/${seg(learnerId)}/mastery`, undefined, signal),
  rebuildStatus: (signal?: AbortSignal) => read('/admin/rebuild', undefined, isRebuild, 'rebuild status', signal),
  rebuild: async () => checked(await postJson<unknown>(`${base}/admin/rebuild`), isRebuild, 'rebuild status'),
};

/**
 * The address of the CSV the service streams for a view: the same path and filters with `format=csv`, so the file
 * holds exactly what the screen shows (and the same suppression).
 */
export function analyticsCsvUrl(path: string, query: object = {}): string {
  return withQuery(`${base}${path}`, { ...(query as QueryParams), format: 'csv' });
}
