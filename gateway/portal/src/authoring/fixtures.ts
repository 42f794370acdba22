// Answers of the frameworks service in the shapes its controllers send, for the authoring tests.
import type { FrameworkSummary, VersionView } from '../api/frameworks';

export const FRAMEWORK_ID = 'fw-1';

export function summary(overrides: Partial<FrameworkSummary> = {}): FrameworkSummary {
  return {
    frameworkId: FRAMEWORK_ID,
    code: 'DEV',
    title: 'Backend engineering',
    description: 'Skills of engineers who build the services.',
    externalId: null,
    status: 'PUBLISHED',
    latestVersion: 2,
    publishedVersion: 1,
    versions: [
      { version: 1, status: 'PUBLISHED' },
      { version: 2, status: 'DRAFT' },
    ],
    ...overrides,
  };
}

export function versionView(version = 2, overrides: Partial<VersionView> = {}): VersionView {
  return {
    frameworkId: FRAMEWORK_ID,
    code: 'DEV',
    version,
    status: version === 2 ? 'DRAFT' : 'PUBLISHED',
    policyVersion: null,
    publishedAt: null,
    publishedBy: null,
    changedAt: '2026-01-05T10:00:00Z',
    content: {
      title: 'Backend engineering',
      description: null,
      externalId: null,
      competencies: [
        {
          id: 'c-api', code: 'DEV.API', title: 'API design', description: 'Designs HTTP APIs.', parentCode: null,
          position: 0, taxonomyLabel: 'skill', externalId: null, externalChangedAt: null, scaleOverride: null,
          policyOverride: null,
        },
        {
          id: 'c-api-1', code: 'DEV.API.1', title: 'Resource-oriented APIs', description: null, parentCode: 'DEV.API',
          position: 0, taxonomyLabel: 'apply', externalId: null, externalChangedAt: null, scaleOverride: null,
          policyOverride: {
            method: { type: 'N_MASTERY', n: 2, weight: null, decay: null, bkt: null },
            sourceWeights: { PEER: 0.5 },
            minimumEvidence: 2,
            manualRatingPrecedence: 'NEVER',
            rollUp: null,
            validityPeriod: 'P365D',
            decayHalfLife: null,
          },
        },
      ],
      relations: [{ source: 'DEV.API', target: 'DEV.API.1', type: 'IS_RELATED_TO' }],
      scale: {
        levels: [
          { code: 'NOVICE', label: 'Novice', threshold: 0, mastery: false },
          { code: 'PROFICIENT', label: 'Proficient', threshold: 0.7, mastery: true },
        ],
      },
      policy: {
        method: { type: 'HIGHEST', n: null, weight: null, decay: null, bkt: null },
        sourceWeights: {},
        minimumEvidence: 0,
        manualRatingPrecedence: 'UNTIL_NEWER_EVIDENCE',
        rollUp: { type: 'ALL_CHILDREN', pointsTarget: null, requiredChildren: [] },
        validityPeriod: null,
        decayHalfLife: null,
      },
    },
    ...overrides,
  };
}

export const tree = {
  frameworkId: FRAMEWORK_ID,
  version: 2,
  status: 'DRAFT',
  title: 'Backend engineering',
  roots: [
    {
      id: 'c-api', code: 'DEV.API', title: 'API design', description: null, taxonomyLabel: 'skill', position: 0,
      externalId: null,
      children: [
        { id: 'c-api-1', code: 'DEV.API.1', title: 'Resource-oriented APIs', description: null, taxonomyLabel: 'apply',
          position: 0, externalId: null, children: [] },
      ],
    },
  ],
};
