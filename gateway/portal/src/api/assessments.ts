// Client of the assessments service (/api/assessments): definitions, attempts, grading, ratings,
// activity-provider clients and alignments.
import { getJson, postJson, putJson, seg, type QueryParams } from './http';

const base = '/api/assessments';

export const assessmentsApi = {
  list: (query?: QueryParams, signal?: AbortSignal) => getJson<unknown[]>(base, query, signal),
  get: (assessmentId: string, signal?: AbortSignal) =>
    getJson<unknown>(`${base}/${seg(assessmentId)}`, undefined, signal),
  create: (body: unknown) => postJson<unknown>(base, body),
  editDefinition: (assessmentId: string, body: unknown) =>
    putJson<unknown>(`${base}/${seg(assessmentId)}/definition`, body),
  publish: (assessmentId: string) => postJson<unknown>(`${base}/${seg(assessmentId)}/publication`),
  retire: (assessmentId: string) => postJson<unknown>(`${base}/${seg(assessmentId)}/retirement`),
  rebuildStatus: (signal?: AbortSignal) => getJson<unknown>(`${base}/admin/rebuild`, undefined, signal),
};
