import '../test/pages';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakePlatform, problem, signedIn } from '../test/server';
import { renderApp } from '../test/render';
import { toCsv } from './csv';

vi.mock('react-chartjs-2', () => ({ Bar: () => <div role="img" aria-label="Bar chart" /> }));
vi.setConfig({ testTimeout: 15_000 });

const blobs: Blob[] = [];
beforeEach(() => {
  blobs.length = 0;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.stubGlobal('URL', Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    }),
    revokeObjectURL: vi.fn(),
  }));
});

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

const REPORT = {
  teamId: 'team-7',
  memberCount: 4,
  minimumGroupSize: 3,
  competencies: [
    { competencyId: 'c-api', frameworkId: 'fw-1', suppressed: false, rated: 4, mastered: 3, masteredShare: 0.75,
      averageScore: 0.71, levels: { PROFICIENT: 3, NOVICE: 1 } },
    { competencyId: 'c-data', frameworkId: 'fw-1', suppressed: true, rated: null, mastered: null, masteredShare: null,
      averageScore: null, levels: {} },
  ],
};

describe('analytics', () => {
  it('showsEvidenceBySource_andDownloadsItAsCsv', async () => {
    new FakePlatform(signedIn({ roles: ['ANALYST'] })).on('GET', '/api/analytics/evidence/sources', { ASSESSMENT: 30, PEER: 10 });
    const { user } = renderApp('/analytics');

    const table = await screen.findByRole('table', { name: /Evidence items per source/ });
    expect(within(table).getByRole('row', { name: 'ASSESSMENT 30 75 %' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Mastery of one learner' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download CSV (evidence-by-source.csv)' }));

    expect(await readBlob(blobs[0]!)).toBe('source,evidenceItems\r\nASSESSMENT,30\r\nPEER,10\r\n');
  });

  it('showsTheManagedTeam_withSuppressedGroupsInWords', async () => {
    new FakePlatform(signedIn({ roles: ['MANAGER'], managedTeams: ['team-7'] }))
      .on('GET', '/api/analytics/evidence/sources', {})
      .on('GET', '/api/analytics/teams/team-7/capability', REPORT)
      .on('GET', '/api/frameworks/competencies', [
        { frameworkId: 'fw-1', version: 1, status: 'PUBLISHED', id: 'c-api', code: 'DEV.API', title: 'API design',
          description: null, parentCode: null, externalId: null },
      ]);
    const { user } = renderApp('/analytics');

    expect(await screen.findByText('No evidence has been recorded yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show team' }));

    const table = await screen.findByRole('table', { name: 'Capability of team team-7' });
    expect(within(table).getByRole('row', { name: /DEV.API API design 4 3 75 % 0.71 PROFICIENT: 3, NOVICE: 1/ })).toBeInTheDocument();
    expect(within(table).getByText('Hidden: fewer than 3 members rated')).toBeInTheDocument();
    expect(within(table).getByText('c-data')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download CSV (team-team-7-capability.csv)' }));
    const csv = await readBlob(blobs[0]!);
    expect(csv.split('\r\n')[1]).toBe('c-api,DEV.API API design,fw-1,false,4,3,0.75,0.71,PROFICIENT=3 NOVICE=1');
  });

  it('explainsTheRefusal_whenTheTeamIsNotTheCallers', async () => {
    new FakePlatform(signedIn({ roles: ['ANALYST'] }))
      .on('GET', '/api/analytics/evidence/sources', {})
      .on('GET', '/api/analytics/teams/other/capability', problem(403, 'You may view only the teams you manage', {}, 'req-403'));
    renderApp('/analytics?team=other');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You may view only the teams you manage');
    expect(alert).toHaveTextContent('req-403');
  });

  it('showsOneLearnersMastery_toAnAdministrator', async () => {
    new FakePlatform(signedIn({ roles: ['ADMIN'] }))
      .on('GET', '/api/analytics/evidence/sources', {})
      .on('GET', '/api/analytics/learners/learner-ada/mastery', [
        { competencyId: 'c-api', frameworkId: 'fw-1', frameworkVersion: 1, level: 'PROFICIENT', score: 0.8, mastered: true,
          changedAt: '2026-01-02T10:00:00Z' },
      ]);
    const { user } = renderApp('/analytics');

    await user.type(await screen.findByLabelText('Learner id'), 'learner-ada');
    await user.click(screen.getByRole('button', { name: 'Show learner' }));

    const table = await screen.findByRole('table', { name: 'Current mastery of learner-ada' });
    expect(within(table).getByText('PROFICIENT')).toBeInTheDocument();
  });
});

describe('csv', () => {
  it('quotesSeparatorsAndNeutralisesFormulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', '=SUM(A1)'], ['say "hi"', null]])).toBe('a,b\r\n"x,y",\'=SUM(A1)\r\n"say ""hi""",\r\n');
  });
});
