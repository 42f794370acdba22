// Client of the assessments service (/api/assessments): definitions, attempts, grading, ratings,
// activity-provider clients and alignments. Shapes follow AssessmentController, AttemptController,
// RatingController and their read models (AssessmentCatalogue.AssessmentView, AttemptBoard.AttemptView).
import { getJson, getPage, postJson, putJson, seg, type Page } from './http';

export type AssessmentKind = 'QUIZ' | 'RUBRIC' | 'OBSERVATION' | 'PEER' | 'SELF';
export type AssessmentStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';
export type AttemptStatus = 'STARTED' | 'AWAITING_GRADING' | 'SCORED' | 'GRADED' | 'WITHDRAWN';
export type ItemType = 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'NUMERIC' | 'ORDERING';

export interface CompetencyWeight {
  competencyId: string;
  weight: number;
}

export interface QuizItem {
  itemId: string;
  type: ItemType;
  prompt: string;
  options: string[];
  correct?: string[];
  answer?: number | null;
  tolerance?: number | null;
  points: number | null;
  partialCredit: boolean | null;
  competencyIds: string[];
}

export interface RubricLevel {
  code: string;
  label: string;
  score: number;
}

export interface RubricCriterion {
  criterionId: string;
  title: string;
  competencyId: string;
  levels: RubricLevel[];
}

export interface ChecklistItem {
  itemId: string;
  text: string;
  competencyId: string;
}

export interface AssessmentDefinition {
  alignments: CompetencyWeight[];
  weightTotal: number | null;
  passMark: number | null;
  maxAttempts: number | null;
  /** ISO-8601 duration, e.g. PT30M. */
  timeLimit: string | null;
  acceptLate: boolean | null;
  items: QuizItem[];
  criteria: RubricCriterion[];
  checklist: ChecklistItem[];
  minPeers: number | null;
}

export interface PublishedAssessment {
  assessmentId: string;
  version: number;
  kind: AssessmentKind;
  title: string;
  frameworkId: string;
  frameworkVersion: number;
  definition: AssessmentDefinition;
}

export interface AssessmentView {
  assessmentId: string;
  kind: AssessmentKind;
  title: string;
  frameworkId: string;
  frameworkVersion: number;
  status: AssessmentStatus;
  draftVersion: number;
  publishedVersion: number;
  competencyIds: string[];
  draft: AssessmentDefinition | null;
  published: PublishedAssessment | null;
}

export interface CompetencyResult {
  competencyId: string;
  rawScore: number;
  maxScore: number;
  score: number;
}

export interface AttemptView {
  attemptId: string;
  assessmentId: string;
  assessmentVersion: number;
  kind: AssessmentKind | string;
  learnerId: string;
  status: AttemptStatus;
  attemptNumber: number;
  startedAt: string | null;
  deadline: string | null;
  submittedAt: string | null;
  late: boolean;
  timedOut: boolean;
  revision: number;
  overallScore: number | null;
  passed: boolean | null;
  results: CompetencyResult[] | null;
  gradedBy: string | null;
  peerRatings: number | null;
  minPeers: number | null;
}

export interface PeerRequest {
  attemptId: string;
  assessmentId: string;
  learnerId: string;
  requestedAt: string;
  nominated: boolean;
}

export interface ItemResponse {
  choices?: string[];
  number?: number | null;
  text?: string | null;
}

/** Rubric levels chosen per criterion (criterionId -> level code), for grading, self and peer rating. */
export interface LevelChoice {
  levels: Record<string, string>;
  comment?: string;
}

export interface Regrade {
  latestVersion?: boolean;
  credits?: Record<string, number>;
  reason: string;
}

export interface Observation {
  learnerId: string;
  marks: Record<string, boolean>;
  observedAt?: string;
}

export interface ManualRating {
  frameworkId: string;
  frameworkVersion?: number;
  competencyId: string;
  level: string;
  reason: string;
}

export interface NewAssessment {
  kind: AssessmentKind;
  title: string;
  frameworkId: string;
  frameworkVersion?: number;
}

// --- guards ---------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isAttemptView(value: unknown): value is AttemptView {
  return isObject(value) && typeof value.attemptId === 'string' && typeof value.assessmentId === 'string'
    && typeof value.learnerId === 'string' && typeof value.status === 'string'
    && (value.results === null || value.results === undefined || Array.isArray(value.results));
}

export function isAssessmentView(value: unknown): value is AssessmentView {
  return isObject(value) && typeof value.assessmentId === 'string' && typeof value.kind === 'string'
    && typeof value.title === 'string' && typeof value.status === 'string'
    && (value.published === null || value.published === undefined
      || (isObject(value.published) && isObject(value.published.definition)));
}

function checkedList<T>(value: unknown, guard: (v: unknown) => v is T, what: string): T[] {
  if (!Array.isArray(value) || !value.every(guard)) {
    throw new Error(`The platform answered with an unexpected ${what}.`);
  }
  return value;
}

function checkedOne<T>(value: unknown, guard: (v: unknown) => v is T, what: string): T {
  if (!guard(value)) {
    throw new Error(`The platform answered with an unexpected ${what}.`);
  }
  return value;
}

// --- calls ----------------------------------------------------------------------------------------

const base = '/api/assessments';
const attempt = (attemptId: string) => `${base}/attempts/${seg(attemptId)}`;

export const assessmentsApi = {
  byCompetency: async (competencyId: string, signal?: AbortSignal) =>
    checkedList(await getJson<unknown>(base, { competencyId }, signal), isAssessmentView, 'assessment list'),
  get: async (assessmentId: string, signal?: AbortSignal) =>
    checkedOne(await getJson<unknown>(`${base}/${seg(assessmentId)}`, undefined, signal), isAssessmentView, 'assessment'),
  create: (body: NewAssessment) => postJson<AssessmentView>(base, body),
  editDefinition: (assessmentId: string, body: AssessmentDefinition) =>
    putJson<AssessmentView>(`${base}/${seg(assessmentId)}/definition`, body),
  publish: (assessmentId: string) => postJson<AssessmentView>(`${base}/${seg(assessmentId)}/publication`),
  retire: (assessmentId: string) => postJson<AssessmentView>(`${base}/${seg(assessmentId)}/retirement`),

  start: (assessmentId: string, peers?: string[]) =>
    postJson<AttemptView>(`${base}/${seg(assessmentId)}/attempts`, peers && peers.length > 0 ? { peers } : {}),
  attempt: async (attemptId: string, signal?: AbortSignal) =>
    checkedOne(await getJson<unknown>(attempt(attemptId), undefined, signal), isAttemptView, 'attempt'),
  saveResponses: (attemptId: string, responses: Record<string, ItemResponse>) =>
    putJson<AttemptView>(`${attempt(attemptId)}/responses`, { responses }),
  submit: (attemptId: string) => postJson<AttemptView>(`${attempt(attemptId)}/submission`),
  grade: (attemptId: string, body: LevelChoice) => postJson<AttemptView>(`${attempt(attemptId)}/grading`, body),
  rateSelf: (attemptId: string, body: LevelChoice) => postJson<AttemptView>(`${attempt(attemptId)}/self-rating`, body),
  ratePeer: (attemptId: string, body: LevelChoice) =>
    postJson<{ attemptId: string; ratingId: string }>(`${attempt(attemptId)}/peer-ratings`, body),
  regrade: (attemptId: string, body: Regrade) => postJson<AttemptView>(`${attempt(attemptId)}/regrade`, body),
  withdraw: (attemptId: string, reason: string) =>
    postJson<AttemptView>(`${attempt(attemptId)}/withdrawal`, { reason }),
  observe: (assessmentId: string, body: Observation) =>
    postJson<AttemptView>(`${base}/${seg(assessmentId)}/observations`, body),
  attemptsOf: async (learnerId: string, signal?: AbortSignal) =>
    checkedList(await getJson<unknown>(`${base}/learners/${seg(learnerId)}/attempts`, undefined, signal), isAttemptView,
      'attempt list'),
  peerRequests: (signal?: AbortSignal) => getJson<PeerRequest[]>(`${base}/peer-requests`, undefined, signal),
  gradingQueue: async (signal?: AbortSignal) =>
    checkedList(await getJson<unknown>(`${base}/grading-queue`, undefined, signal), isAttemptView, 'grading queue'),
  rate: (learnerId: string, body: ManualRating) =>
    postJson<{ ratingId: string }>(`${base}/learners/${seg(learnerId)}/ratings`, body),

  rebuildStatus: (signal?: AbortSignal) => getJson<unknown>(`${base}/admin/rebuild`, undefined, signal),
};

// --- the published catalogue, paged ----------------------------------------------------------------

export interface AssessmentQuery {
  status?: AssessmentStatus;
  competencyId?: string;
  kind?: AssessmentKind;
  /** Words of the title. */
  q?: string;
  offset: number;
  limit: number;
}

/**
 * GET /api/assessments with filters, one page at a time (X-Total-Count). Learners get published assessments
 * only, and their quiz items come without the answer key (no `correct`, `answer`, `tolerance`).
 */
export async function listAssessments(query: AssessmentQuery, signal?: AbortSignal): Promise<Page<AssessmentView>> {
  const page = await getPage<unknown>(base, { ...query }, signal);
  return { items: checkedList(page.items, isAssessmentView, 'assessment list'), total: page.total };
}
