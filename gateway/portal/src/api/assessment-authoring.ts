// Authoring side of the assessments service (/api/assessments): typed definitions, publication, the xAPI
// activity-provider clients and the read-model rebuild.
import { deleteResource, getJson, postJson, putJson, seg } from './http';

const base = '/api/assessments';

export const ASSESSMENT_KINDS = ['QUIZ', 'RUBRIC', 'OBSERVATION', 'PEER', 'SELF'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export type AssessmentStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED';

export const ITEM_TYPES = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMERIC', 'ORDERING'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface CompetencyWeight {
  competencyId: string;
  weight: number;
}

export interface QuizItem {
  itemId: string;
  type: ItemType;
  prompt: string;
  options: string[];
  correct: string[];
  answer: number | null;
  tolerance: number | null;
  points: number;
  partialCredit: boolean;
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
  timeLimit: string | null;
  acceptLate: boolean | null;
  items: QuizItem[];
  criteria: RubricCriterion[];
  checklist: ChecklistItem[];
  minPeers?: number | null;
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
  /** The published version; its exact shape is the service's PublishedAssessment. */
  published: Record<string, unknown> | null;
}

export interface NewAssessment {
  kind: AssessmentKind;
  title: string;
  frameworkId: string;
  frameworkVersion: number;
}

/** The credentials of a new activity-provider client; the secret appears only in this answer. */
export interface ClientCredentials {
  key: string;
  secret: string;
  name: string;
  createdAt: string;
}

export interface XapiClient {
  key: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  revoked: boolean;
}

/** Progress of a read-model rebuild (the platform's tracking processor). */
export interface RebuildStatus {
  processor: string;
  running: boolean;
  caughtUp: boolean;
  replaying: boolean;
  readUpTo: number | null;
  head: number | null;
  percentDone: number;
  lastRebuildStartedAt: string | null;
}

export const assessmentAuthoringApi = {
  byCompetency: (competencyId: string, signal?: AbortSignal) =>
    getJson<AssessmentView[]>(base, { competencyId }, signal),
  get: (assessmentId: string, signal?: AbortSignal) =>
    getJson<AssessmentView>(`${base}/${seg(assessmentId)}`, undefined, signal),
  create: (body: NewAssessment) => postJson<AssessmentView>(base, body),
  define: (assessmentId: string, definition: AssessmentDefinition) =>
    putJson<AssessmentView>(`${base}/${seg(assessmentId)}/definition`, definition),
  publish: (assessmentId: string) => postJson<AssessmentView>(`${base}/${seg(assessmentId)}/publication`),
  retire: (assessmentId: string) => postJson<AssessmentView>(`${base}/${seg(assessmentId)}/retirement`),
  xapiClients: (signal?: AbortSignal) => getJson<XapiClient[]>(`${base}/xapi-clients`, undefined, signal),
  registerXapiClient: (name: string) => postJson<ClientCredentials>(`${base}/xapi-clients`, { name }),
  revokeXapiClient: (key: string) => deleteResource(`${base}/xapi-clients/${seg(key)}`),
  rebuildStatus: (signal?: AbortSignal) => getJson<RebuildStatus>(`${base}/admin/rebuild`, undefined, signal),
  rebuild: () => postJson<RebuildStatus>(`${base}/admin/rebuild`),
};
