import { describe, expect, it } from 'vitest';
import { versionView } from '../authoring/fixtures';
import { toCandidate } from './policy-candidate';

describe('policy candidate', () => {
  it('namesParentsAndRelationsByIds_andKeepsOnlyTheChosenMethodsParameters', () => {
    const view = versionView(2);
    const candidate = toCandidate(view, new Date('2026-02-01T00:00:00Z'));

    expect(candidate).toMatchObject({ frameworkId: 'fw-1', version: 2, code: 'DEV', publishedAt: '2026-02-01T00:00:00.000Z' });
    expect(candidate.competencies[0]).toEqual({
      id: 'c-api', code: 'DEV.API', title: 'API design', description: 'Designs HTTP APIs.', position: 0, taxonomyLabel: 'skill',
    });
    expect(candidate.competencies[1]!.parentId).toBe('c-api');
    expect(candidate.competencies[1]!.policyOverride).toEqual({
      policyVersion: 1,
      method: { type: 'N_MASTERY', n: 2 },
      sourceWeights: { PEER: 0.5 },
      minimumEvidence: 2,
      manualRatingPrecedence: 'NEVER',
      validityPeriod: 'P365D',
    });
    expect(candidate.relations).toEqual([{ sourceId: 'c-api', targetId: 'c-api-1', type: 'IS_RELATED_TO' }]);
    expect(candidate.masteryPolicy.rollUp).toEqual({ type: 'ALL_CHILDREN' });
  });

  it('usesTheServiceDefaults_whenTheDraftHasNoScaleOrPolicy', () => {
    const view = versionView(2);
    const candidate = toCandidate({ ...view, content: { ...view.content, scale: null, policy: null } });

    expect(candidate.scale.levels.map((level) => level.code)).toEqual(['NOVICE', 'DEVELOPING', 'PROFICIENT', 'EXPERT']);
    expect(candidate.masteryPolicy).toMatchObject({ method: { type: 'HIGHEST' }, minimumEvidence: 0 });
  });
});
