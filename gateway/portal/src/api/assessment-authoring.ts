// Authoring side of the assessments service (/api/assessments): typed definitions, publication, the xAPI
// activity-provider clients and the read-model rebuild.
import { deleteResource, getJson, postJson, putJson, seg } from './http';

const base = '/api/assessments';

import type {
  AssessmentDefinition as DefinitionToTake,
  AssessmentKind,
  AssessmentStatus,
  ItemType,
  QuizItem as ItemToTake,
} from './assessments';

export type { AssessmentKind, AssessmentStatus, ChecklistItem, CompetencyWeight, ItemType, RubricCriterion, RubricLevel } from './assessments';

export const ASSESSMENT_KINDS: readonly AssessmentKind[] = ['QUIZ', 'RUBRIC', 'OBSERVATION', 'PEER', 'SELF'];
export const ITEM_TYPES: readonly ItemType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMERIC', 'ORDERING'];

/** A quiz item as its author sees it: with the answer key that learners never get. */
export interface QuizItem extends ItemToTake {
  correct: string[];
  answer: number | null;
  tolerance: number | null;
  points: number;
  partialCredit: boolean;
}

/** A definition as its author edits it. */
export interface AssessmentDefinition extends Omit<DefinitionToTake, 'items' | 'minPeers'> {
  items: QuizItem[];
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
