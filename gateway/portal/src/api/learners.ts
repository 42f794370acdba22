// Client of the learner-profiles service (/api/learners, /api/teams): profiles, mastery with its
// explanation, evidence timeline, gaps, recommendations, teams.
import { deleteResource, getJson, postJson, putJson, seg } from './http';

const base = '/api/learners';

export interface Registration {
  learnerId: string;
  displayName: string;
  email?: string;
  organisationUnit?: string;
}

export const learnersApi = {
  profile: (learnerId: string, signal?: AbortSignal) => getJson<unknown>(`${base}/${seg(learnerId)}`, undefined, signal),
  register: (body: Registration) => postJson<{ learnerId: string }>(base, body),
  assignRole: (learnerId: string, roleProfileId: string, roleProfileVersion?: number) =>
    putJson<void>(`${base}/${seg(learnerId)}/role`, { roleProfileId, roleProfileVersion }),
  changeTeam: (learnerId: string, teamId: string, managerId?: string) =>
    putJson<void>(`${base}/${seg(learnerId)}/team`, { teamId, managerId }),
  erase: (learnerId: string) => deleteResource(`${base}/${seg(learnerId)}`),
  rebuildStatus: (signal?: AbortSignal) => getJson<unknown>(`${base}/admin/rebuild`, undefined, signal),
};
