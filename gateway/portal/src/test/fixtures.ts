// Answers shaped like the services' JSON (field names and nesting from their web records).
import type { VersionView } from '../api/frameworks';

export const FRAMEWORK_ID = 'fw-1';

export const frameworkVersion: VersionView = {
  frameworkId: FRAMEWORK_ID,
  code: 'SE',
  version: 1,
  status: 'PUBLISHED',
  policyVersion: 1,
  publishedAt: '2026-01-01T00:00:00Z',
  publishedBy: 'author-ana',
  changedAt: '2026-01-01T00:00:00Z',
  content: {
    title: 'Software engineering',
    description: null,
    externalId: null,
    relations: [],
    scale: {
      levels: [
        { code: 'NOVICE', label: 'Novice', threshold: 0, mastery: false },
        { code: 'PRACTITIONER', label: 'Practitioner', threshold: 0.5, mastery: false },
        { code: 'PROFICIENT', label: 'Proficient', threshold: 0.7, mastery: true },
        { code: 'EXPERT', label: 'Expert', threshold: 0.9, mastery: false },
      ],
    },
    policy: null,
    competencies: [
      { id: 'c-test', code: 'SE.1', title: 'Automated testing', description: null, parentCode: null, position: 0, taxonomyLabel: null, externalId: null, externalChangedAt: null, scaleOverride: null, policyOverride: null },
      { id: 'c-review', code: 'SE.2', title: 'Code review', description: null, parentCode: null, position: 1, taxonomyLabel: null, externalId: null, externalChangedAt: null, scaleOverride: null, policyOverride: null },
      { id: 'c-pairing', code: 'SE.2.1', title: 'Pairing on reviews', description: null, parentCode: 'SE.2', position: 0, taxonomyLabel: null, externalId: null, externalChangedAt: null, scaleOverride: null, policyOverride: null },
    ],
  },
};

/** GET /api/learners/{id}/mastery/{competencyId}, as MasteryView serialises. */
export const masteryJson = {
  competencyId: 'c-test',
  frameworkId: FRAMEWORK_ID,
  frameworkVersion: 1,
  pending: false,
  level: 'PROFICIENT',
  score: 0.8,
  mastered: true,
  evidenceCount: 3,
  evidenceAfterAsOf: 0,
  evidenceNotYetKnown: 0,
  firstEvidenceAt: '2026-02-01T09:00:00Z',
  lastEvidenceAt: '2026-03-01T09:00:00Z',
  expiresAt: null,
  method: 'HIGHEST',
  policyVersion: 1,
  explanation: {
    rule: 'COMPUTED',
    summary: 'The highest score, 0.8, maps to Proficient.',
    contributions: [
      { evidenceId: 'e-1', sourceType: 'ASSESSMENT', occurredAt: '2026-02-01T09:00:00Z', rawScore: 0.6, sourceWeight: 1.0, effectiveWeight: 0.0 },
      { evidenceId: 'e-2', sourceType: 'OBSERVATION', occurredAt: '2026-03-01T09:00:00Z', rawScore: 0.8, sourceWeight: 1.5, effectiveWeight: 1.0 },
    ],
    exclusions: [
      { evidenceId: 'e-3', sourceType: 'PEER', occurredAt: '2026-02-15T09:00:00Z', rawScore: 0.2, reason: 'VOIDED' },
    ],
    computedScore: 0.8,
    decayFactor: 1.0,
  },
  rollup: null,
};

export const reviewMasteryJson = {
  ...masteryJson,
  competencyId: 'c-review',
  level: 'PRACTITIONER',
  score: 0.55,
  mastered: false,
  evidenceCount: 1,
  explanation: { ...masteryJson.explanation, contributions: [], exclusions: [] },
};

export const evidenceJson = [
  {
    evidence: { evidenceId: 'e-1', competencyId: 'c-test', frameworkId: FRAMEWORK_ID, frameworkVersion: 1, score: 0.6, sourceType: 'ASSESSMENT', actorId: 'assessor-alan', occurredAt: '2026-02-01T09:00:00Z', recordedAt: '2026-02-01T09:00:01Z', ratedLevel: null },
    voidedAt: null,
    voidReason: null,
  },
  {
    evidence: { evidenceId: 'e-3', competencyId: 'c-test', frameworkId: FRAMEWORK_ID, frameworkVersion: 1, score: 0.2, sourceType: 'PEER', actorId: 'learner-grace', occurredAt: '2026-02-15T09:00:00Z', recordedAt: '2026-02-15T09:00:01Z', ratedLevel: null },
    voidedAt: '2026-02-16T10:00:00Z',
    voidReason: 'Entered for the wrong learner',
  },
];

export const gapsJson = {
  learnerId: 'learner-1',
  roleProfileId: 'rp-1',
  roleProfileVersion: 2,
  roleTitle: 'Software engineer',
  readiness: 0.5,
  requirements: [
    { competencyId: 'c-test', code: 'SE.1', title: 'Automated testing', targetLevel: 'PROFICIENT', currentLevel: 'PROFICIENT', gap: 0, weight: 1.0, met: true, mastered: true },
    { competencyId: 'c-review', code: 'SE.2', title: 'Code review', targetLevel: 'EXPERT', currentLevel: 'PRACTITIONER', gap: 2, weight: 1.0, met: false, mastered: false },
  ],
};

export const recommendationsJson = [
  {
    competencyId: 'c-review', code: 'SE.2', title: 'Code review', currentLevel: 'PRACTITIONER', targetLevel: 'EXPERT', gap: 2,
    prerequisitesFirst: ['c-test'],
    resources: [{ resourceId: 'r-1', version: 1, title: 'Reviewing pull requests', url: 'https://learn.example/review', type: 'COURSE', duration: 'PT2H', targetLevel: 'EXPERT' }],
  },
];

export const teamJson = {
  teamId: 'team-1',
  memberCount: 2,
  averageReadiness: 0.6,
  members: [
    { learnerId: 'learner-1', displayName: 'Ada Learner', roleProfileId: 'rp-1', readiness: 0.5, openGaps: 1, masteredCompetencies: 1 },
    { learnerId: 'learner-2', displayName: 'Grace Learner', roleProfileId: 'rp-1', readiness: 0.8, openGaps: 1, masteredCompetencies: 2 },
  ],
};

export const quizAssessment = {
  assessmentId: 'a-quiz',
  kind: 'QUIZ',
  title: 'Testing basics',
  frameworkId: FRAMEWORK_ID,
  frameworkVersion: 1,
  status: 'PUBLISHED',
  draftVersion: 1,
  publishedVersion: 1,
  competencyIds: ['c-test'],
  draft: null,
  published: {
    assessmentId: 'a-quiz', version: 1, kind: 'QUIZ', title: 'Testing basics', frameworkId: FRAMEWORK_ID, frameworkVersion: 1,
    definition: {
      alignments: [{ competencyId: 'c-test', weight: 1 }], weightTotal: 1, passMark: 0.5, maxAttempts: 3, timeLimit: null, acceptLate: false,
      items: [
        { itemId: 'q1', type: 'SINGLE_CHOICE', prompt: 'Which status code means created?', options: ['200', '201', '204'], correct: ['201'], answer: null, tolerance: null, points: 1, partialCredit: false, competencyIds: ['c-test'] },
        { itemId: 'q2', type: 'NUMERIC', prompt: 'How many levels has the default scale?', options: [], correct: [], answer: 4, tolerance: 0, points: 1, partialCredit: false, competencyIds: ['c-test'] },
      ],
      criteria: [], checklist: [], minPeers: null,
    },
  },
};

export const rubricAssessment = {
  ...quizAssessment,
  assessmentId: 'a-rubric',
  kind: 'RUBRIC',
  title: 'Review a pull request',
  published: {
    ...quizAssessment.published,
    assessmentId: 'a-rubric',
    kind: 'RUBRIC',
    title: 'Review a pull request',
    definition: {
      ...quizAssessment.published.definition,
      items: [],
      criteria: [
        { criterionId: 'cr-1', title: 'Finds defects', competencyId: 'c-review', levels: [
          { code: 'BASIC', label: 'Basic', score: 1 }, { code: 'GOOD', label: 'Good', score: 2 }, { code: 'EXCELLENT', label: 'Excellent', score: 3 },
        ] },
      ],
    },
  },
};

export function attemptJson(overrides: Record<string, unknown> = {}) {
  return {
    attemptId: 'at-1', assessmentId: 'a-quiz', assessmentVersion: 1, kind: 'QUIZ', learnerId: 'learner-1', status: 'STARTED',
    attemptNumber: 1, startedAt: '2026-03-02T09:00:00Z', deadline: null, submittedAt: null, late: false, timedOut: false,
    revision: 1, overallScore: null, passed: null, results: null, gradedBy: null, peerRatings: null, minPeers: null,
    ...overrides,
  };
}

/** GET /api/learners/{id}: the learner's profile, with a role defined against another framework. */
export const profileJson = {
  profile: {
    learnerId: 'learner-1', displayName: 'Ada Learner', email: null, organisationUnit: 'Platform engineering',
    registeredAt: '2026-01-01T00:00:00Z', roleProfileId: 'rp-1', roleProfileVersion: 2, teamId: 'team-1', managerId: 'manager-1',
  },
  mastery: [],
};

/** GET /api/frameworks/role-profiles/{id} (RoleProfileView); no framework version: the published one counts. */
export const roleProfileJson = {
  roleProfileId: 'rp-1', title: 'Site reliability engineer', frameworkId: 'fw-ops', draftVersion: 0, publishedVersion: 2,
  draft: null,
  published: {
    title: 'Site reliability engineer', description: null, frameworkId: 'fw-ops', frameworkVersion: null,
    requirements: [{ competencyId: 'c-incident', targetLevel: 'PROFICIENT', weight: 1.0 }],
  },
};

export const opsFrameworkSummary = {
  frameworkId: 'fw-ops', code: 'OPS', title: 'Operations', description: null, externalId: null, status: 'PUBLISHED',
  latestVersion: 3, publishedVersion: 3, versions: [{ version: 3, status: 'PUBLISHED' }],
};

export const opsFrameworkVersion = {
  ...frameworkVersion,
  frameworkId: 'fw-ops',
  code: 'OPS',
  version: 3,
  content: {
    ...frameworkVersion.content,
    title: 'Operations',
    competencies: [
      { ...frameworkVersion.content.competencies[0]!, id: 'c-incident', code: 'OPS.1', title: 'Incident response' },
    ],
  },
};

/** GET /api/learners/{id}/mastery/{competencyId}/history, oldest first. */
export const historyJson = [
  { at: '2026-02-01T09:00:00Z', level: 'PRACTITIONER', score: 0.6, mastered: false, cause: 'EVIDENCE', evidenceIds: ['e-1'] },
  { at: '2026-03-01T09:00:00Z', level: 'PROFICIENT', score: 0.8, mastered: true, cause: 'EVIDENCE', evidenceIds: ['e-2'] },
  { at: '2026-03-20T00:00:00Z', level: 'PRACTITIONER', score: 0.65, mastered: false, cause: 'TIME', evidenceIds: [] },
];

/** The quiz as a learner reads it: no answer key (`correct`, `answer`, `tolerance` are left out). */
export const learnerQuizAssessment = {
  ...quizAssessment,
  draft: null,
  published: {
    ...quizAssessment.published,
    definition: {
      ...quizAssessment.published.definition,
      items: quizAssessment.published.definition.items.map(
        ({ correct: _correct, answer: _answer, tolerance: _tolerance, ...item }) => item),
    },
  },
};

/** GET /api/teams/{teamId}/mastery: every member's current levels in one answer. */
export const teamMasteryJson = {
  teamId: 'team-1',
  asOf: '2026-03-05T12:00:00Z',
  members: [
    {
      learnerId: 'learner-1', displayName: 'Ada Learner', roleProfileId: 'rp-1', readiness: 0.5, lastEvidenceAt: '2026-01-01T09:00:00Z',
      competencies: [
        { competencyId: 'c-test', frameworkId: FRAMEWORK_ID, frameworkVersion: 1, level: 'PROFICIENT', score: 0.8, mastered: true, expiresAt: null },
        { competencyId: 'c-review', frameworkId: FRAMEWORK_ID, frameworkVersion: 1, level: 'NOVICE', score: 0.2, mastered: false, expiresAt: null },
      ],
    },
    {
      learnerId: 'learner-2', displayName: 'Grace Learner', roleProfileId: 'rp-1', readiness: 0.8, lastEvidenceAt: '2030-01-01T09:00:00Z',
      competencies: [
        { competencyId: 'c-test', frameworkId: FRAMEWORK_ID, frameworkVersion: 1, level: 'EXPERT', score: 0.95, mastered: true, expiresAt: null },
      ],
    },
  ],
};

// --- analytics (/api/analytics), shaped as the analytics API document gives them -----------------------

/** GET /api/frameworks, for the analytics filters. */
export const frameworkSummaries = [
  {
    frameworkId: 'f1', code: 'DEV', title: 'Developer skills', description: null, externalId: null, status: 'PUBLISHED',
    latestVersion: 3, publishedVersion: 2, versions: [{ version: 1, status: 'RETIRED' }, { version: 2, status: 'PUBLISHED' }, { version: 3, status: 'DRAFT' }],
  },
];

/** GET /api/frameworks/role-profiles, for the analytics filters. */
export const roleProfileViews = [
  { roleProfileId: 'rp1', title: 'Backend developer', frameworkId: 'f1', draftVersion: 3, publishedVersion: 3, draft: null, published: null },
  { roleProfileId: 'rp-draft', title: 'Not yet published', frameworkId: 'f1', draftVersion: 1, publishedVersion: 0, draft: null, published: null },
];

/** GET /api/frameworks/competencies?frameworkId=f1 */
export const f1Competencies = [
  { frameworkId: 'f1', version: 2, status: 'PUBLISHED', id: 'c1', code: 'DEV.1', title: 'Testing', description: null, parentCode: null, externalId: null },
  { frameworkId: 'f1', version: 2, status: 'PUBLISHED', id: 'c3', code: 'DEV.3', title: 'Observability', description: null, parentCode: null, externalId: null },
];

const hiddenCounts = { rated: null, mastered: null, masteredShare: null, averageScore: null, levels: {} };

/** GET /api/analytics/capability: one group shown, one too small (suppressed). */
export const capabilityJson = {
  asOf: '2026-12-06T10:00:00Z', minimumGroupSize: 5,
  competencies: [
    { competencyId: 'c1', code: 'DEV.1', title: 'Testing', frameworkId: 'f1', frameworkVersion: 2 },
    { competencyId: 'c3', code: 'DEV.3', title: 'Observability', frameworkId: 'f1', frameworkVersion: 2 },
  ],
  groups: [
    { unit: 'eng', teamId: null, members: 12, suppressed: false },
    { unit: 'sales', teamId: null, members: null, suppressed: true },
  ],
  cells: [
    { unit: 'eng', teamId: null, competencyId: 'c1', suppressed: false, rated: 10, mastered: 6, masteredShare: 0.6, averageScore: 0.71,
      levels: { NOT_YET: 1, DEVELOPING: 3, COMPETENT: 4, PROFICIENT: 2 } },
    { unit: 'sales', teamId: null, competencyId: 'c1', suppressed: true, ...hiddenCounts },
  ],
};

/** GET /api/analytics/readiness?roleProfileId=rp1 as an analyst sees it: counts only, one group hidden. */
export const readinessJson = {
  roleProfileId: 'rp1', roleProfileVersion: 3, title: 'Backend developer', closeThreshold: 0.8, minimumGroupSize: 5,
  groups: [
    { unit: 'eng', teamId: 'team-a', members: 7, suppressed: false, ready: 2, close: 3, far: 2 },
    { unit: 'eng', teamId: 'team-b', members: null, suppressed: true, ready: null, close: null, far: null },
  ],
};

/** The same for the team's manager (or an admin): minimumGroupSize 0 and the people of the group. */
export const teamReadinessJson = {
  ...readinessJson, roleProfileId: 'rp-1', minimumGroupSize: 0,
  groups: [
    { unit: 'eng', teamId: 'team-1', members: 2, suppressed: false, ready: 0, close: 1, far: 1,
      people: [
        { learnerId: 'learner-1', status: 'FAR', metWeight: 0.5,
          unmet: [{ competencyId: 'c-review', targetLevel: 'PROFICIENT', level: 'NOVICE' }] },
        { learnerId: 'learner-2', status: 'CLOSE', metWeight: 0.85,
          unmet: [{ competencyId: 'c-pairing', targetLevel: 'PROFICIENT', level: null }] },
      ] },
  ],
};

/** GET /api/analytics/trend: one series with a hidden week in the middle. */
export const trendJson = {
  interval: 'week', from: '2026-09-07', to: '2026-09-28', minimumGroupSize: 5,
  series: [
    { unit: 'eng', teamId: null, competencyId: 'c1', competencyCode: 'DEV.1', competencyTitle: 'Testing',
      frameworkId: 'f1', frameworkTitle: 'Developer skills', points: [
      { periodStart: '2026-09-07', periodEnd: '2026-09-14', suppressed: false, rated: 8, mastered: 3, masteredShare: 0.375 },
      { periodStart: '2026-09-14', periodEnd: '2026-09-21', suppressed: true, rated: null, mastered: null, masteredShare: null },
      { periodStart: '2026-09-21', periodEnd: '2026-09-28', suppressed: false, rated: 10, mastered: 5, masteredShare: 0.5 },
    ] },
  ],
};

/** GET /api/analytics/time-to-mastery */
export const timeToMasteryJson = {
  minimumGroupSize: 5,
  rows: [
    { unit: 'eng', teamId: null, competencyId: 'c1', suppressed: false, learners: 9, medianDays: 12.5, p75Days: 20.0 },
    { unit: 'sales', teamId: null, competencyId: 'c1', suppressed: true, learners: null, medianDays: null, p75Days: null },
  ],
  bySourceMix: [
    { competencyId: 'c1', mix: 'OBSERVATION+QUIZ', suppressed: false, learners: 6, medianDays: 9.0, p75Days: 14.0 },
    { competencyId: 'c1', mix: 'QUIZ', suppressed: true, learners: null, medianDays: null, p75Days: null },
  ],
};

/** GET /api/analytics/gaps */
export const gapsAnalyticsJson = {
  minimumGroupSize: 5,
  gaps: [
    { roleProfileId: 'rp1', competencyId: 'c3', code: 'DEV.3', title: 'Observability', targetLevel: 'PROFICIENT', weight: 2.0,
      assigned: 14, heldBack: 9, gapScore: 18.0, suppressed: false,
      byGroup: [
        { unit: 'eng', teamId: null, assigned: 7, heldBack: 5, suppressed: false },
        { unit: 'sales', teamId: null, assigned: null, heldBack: null, suppressed: true },
      ] },
    { roleProfileId: 'rp1', competencyId: 'c1', code: 'DEV.1', title: 'Testing', targetLevel: 'COMPETENT', weight: 1.0,
      assigned: 14, heldBack: 4, gapScore: 4.0, suppressed: false, byGroup: [] },
  ],
};

/** GET /api/analytics/evidence-flow */
export const evidenceFlowJson = {
  interval: 'week', unrequiredShare: 0.12,
  points: [
    { periodStart: '2026-11-23', sourceType: 'QUIZ', recorded: 30, voided: 0 },
    { periodStart: '2026-11-30', sourceType: 'QUIZ', recorded: 40, voided: 2 },
    { periodStart: '2026-11-30', sourceType: 'OBSERVATION', recorded: 5, voided: 1 },
  ],
};

/** GET /api/analytics/coaching for the manager of team-1. */
export const coachingJson = {
  entries: [
    { learnerId: 'learner-1', teamId: 'team-1', kind: 'STALLED', competencyId: 'c-review', roleProfileId: null,
      reason: '3 pieces of evidence since 2026-10-12 and the level stayed DEVELOPING', since: '2026-10-12T09:00:00Z', expiresAt: null },
    { learnerId: 'learner-2', teamId: 'team-1', kind: 'CLOSE_TO_READY', competencyId: null, roleProfileId: 'rp1',
      reason: '85% of the weight of Backend developer is met; missing: Pairing on reviews', since: null, expiresAt: null },
    { learnerId: 'learner-2', teamId: 'team-1', kind: 'EXPIRING', competencyId: 'c-test', roleProfileId: null,
      reason: 'Automated testing was mastered on 2026-01-02 and expires in 27 days', since: null, expiresAt: '2027-01-02T00:00:00Z' },
  ],
};
