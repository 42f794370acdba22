import '../test/pages';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  capabilityJson,
  coachingJson,
  evidenceFlowJson,
  f1Competencies,
  frameworkSummaries,
  gapsAnalyticsJson,
  profileJson,
  readinessJson,
  roleProfileViews,
  teamJson,
  timeToMasteryJson,
  trendJson,
} from '../test/fixtures';
import { renderApp } from '../test/render';
import { FakePlatform, problem, signedIn, type Call } from '../test/server';

vi.setConfig({ testTimeout: 15_000 });

function platform(roles: ('ANALYST' | 'MANAGER' | 'ADMIN')[] = ['ANALYST'], managedTeams: string[] = []) {
  return new FakePlatform(signedIn({ roles, managedTeams }))
    .on('GET', '/api/frameworks', frameworkSummaries)
    .on('GET', '/api/frameworks/role-profiles', roleProfileViews)
    .on('GET', '/api/frameworks/competencies', f1Competencies);
}

const params = (url: string) => Object.fromEntries(new URL(url, 'http://portal.test').searchParams);

/** The download link asks for the same query as the view's last request, as CSV. */
function expectCsvOf(link: HTMLElement, call: Call | undefined) {
  const href = link.getAttribute('href')!;
  expect(new URL(href, 'http://portal.test').pathname).toBe(call!.path);
  expect(params(href)).toEqual({ ...params(call!.url), format: 'csv' });
}

describe('analytics views', () => {
  it('showsTheCapabilityMap_withAHiddenGroupInWords_andACsvLinkWithTheSameFilters', async () => {
    const fake = platform().on('GET', '/api/analytics/capability', capabilityJson);
    const { user } = renderApp('/analytics');

    const table = await screen.findByRole('table', { name: /Mastered share per group and competency/ });
    const eng = within(table).getByRole('row', { name: /^eng/ });
    expect(eng).toHaveTextContent('60%');
    expect(eng).toHaveTextContent('6 of 10 mastered, average 0.71');
    expect(eng).toHaveTextContent('Developing: 3');
    expect(within(eng).getByText('No one rated')).toBeInTheDocument();
    const sales = within(table).getByRole('row', { name: /^sales/ });
    expect(within(sales).getAllByText('hidden (fewer than 5 people)')).toHaveLength(3);
    expect(sales).not.toHaveTextContent(/\b0\b|0%/);

    await user.selectOptions(screen.getByLabelText('Framework'), 'f1');
    const versions = screen.getByLabelText('Framework version');
    expect(within(versions).getAllByRole('option').map((o) => o.textContent)).toEqual(['Current published version', 'Version 2', 'Version 1']);
    await user.selectOptions(versions, '2');
    await user.type(screen.getByLabelText('Unit'), 'eng');
    await user.selectOptions(screen.getByLabelText('Group by'), 'team');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(fake.callsTo('GET', '/api/analytics/capability')).toHaveLength(2));
    const last = fake.callsTo('GET', '/api/analytics/capability')[1];
    expect(params(last!.url)).toEqual({ frameworkId: 'f1', frameworkVersion: '2', unit: 'eng', groupBy: 'team' });
    const link = await screen.findByRole('link', { name: 'Download CSV (capability map)' });
    await vi.waitFor(() => expect(params(link.getAttribute('href')!)).toHaveProperty('unit', 'eng'));
    expectCsvOf(link, last);
  });

  it('saysSo_whenTheCapabilityMapIsEmpty', async () => {
    platform().on('GET', '/api/analytics/capability', { asOf: '2026-12-06T10:00:00Z', minimumGroupSize: 5, competencies: [], groups: [], cells: [] });
    renderApp('/analytics?teamId=team-x');

    expect(await screen.findByText('No one has a mastery result for these filters yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('Team')).toHaveValue('team-x');
    expect(screen.queryByRole('link', { name: /Download CSV/ })).not.toBeInTheDocument();
  });

  it('asksForARoleProfileFirst_thenShowsReadinessPerGroupWithoutPeople_toAnAnalyst', async () => {
    const fake = platform().on('GET', '/api/analytics/readiness', readinessJson);
    const { user } = renderApp('/analytics/readiness');

    expect(await screen.findByText('Choose a role profile to see readiness.')).toBeInTheDocument();
    const select = screen.getByLabelText(/Role profile/);
    await vi.waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect(fake.callsTo('GET', '/api/analytics/readiness')).toHaveLength(0);
    await user.selectOptions(select, 'rp1');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const table = await screen.findByRole('table', { name: 'People ready, close and far per group' });
    expect(within(table).getByRole('row', { name: 'team-a (eng) 7 2 3 2' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /team-b \(eng\)/ })).toHaveTextContent('hidden (fewer than 5 people)');
    expect(screen.getByRole('img', { name: /Stacked bar chart of the people ready, close and far per group/ })).toHaveTextContent('Ready, Close, Far');
    expect(screen.queryByRole('table', { name: /People of/ })).not.toBeInTheDocument();
    expectCsvOf(screen.getByRole('link', { name: 'Download CSV (readiness)' }), fake.callsTo('GET', '/api/analytics/readiness')[0]);
  });

  it('namesTheRefusedParameterNextToItsField_whenTheServiceAnswers400', async () => {
    platform().on('GET', '/api/analytics/readiness', problem(400, 'closeThreshold must be in (0, 1]',
      { errors: [{ field: 'closeThreshold', message: 'must be greater than 0 and at most 1' }] }, 'req-400'));
    renderApp('/analytics/readiness?roleProfileId=rp1&closeThreshold=1.5');

    const field = await screen.findByLabelText('Close when met share is at least');
    await vi.waitFor(() => expect(field).toHaveAccessibleDescription('Between 0 and 1 must be greater than 0 and at most 1'));
    expect(field).toHaveValue(1.5);
    expect(screen.getByRole('alert')).toHaveTextContent('req-400');
  });

  it('drawsTheTrend_withAHiddenWeekAsAGap_andAsksForMonths', async () => {
    const fake = platform().on('GET', '/api/analytics/trend', trendJson);
    const { user } = renderApp('/analytics/trend?frameworkId=f1&competencyId=c1');

    const table = await screen.findByRole('table', { name: /Share mastered per week/ });
    const row = within(table).getByRole('row', { name: /eng: DEV.1 Testing/ });
    expect(row).toHaveTextContent('38% (3/8)');
    expect(row).toHaveTextContent('hidden (fewer than 5 people)');
    expect(row).toHaveTextContent('50% (5/10)');
    expect(screen.getByRole('img', { name: /Line chart of the share mastered per week/ })).toHaveTextContent('eng: DEV.1 Testing');

    await user.selectOptions(screen.getByLabelText('Period'), 'month');
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(fake.callsTo('GET', '/api/analytics/trend')).toHaveLength(2));
    const last = fake.callsTo('GET', '/api/analytics/trend')[1]!;
    expect(params(last.url)).toEqual({ frameworkId: 'f1', competencyId: 'c1', from: '2026-01-01', interval: 'month' });
    await vi.waitFor(() => expectCsvOf(screen.getByRole('link', { name: 'Download CSV (trend)' }), last));
  });

  it('namesEachSeriesFromTheAnswer_withItsFramework_whenTheSeriesSpanFrameworks', async () => {
    const imported = {
      ...trendJson.series[0]!, competencyId: 'x9', competencyCode: 'CASE.9', competencyTitle: 'Writes clear commit messages',
      frameworkId: 'case-1', frameworkTitle: 'Imported standard',
    };
    const unknown = { ...trendJson.series[0]!, competencyId: 'c-gone', competencyCode: null, competencyTitle: null,
      frameworkId: null, frameworkTitle: null };
    platform().on('GET', '/api/analytics/trend', { ...trendJson, series: [trendJson.series[0]!, imported, unknown] });
    renderApp('/analytics/trend');

    const table = await screen.findByRole('table', { name: /Share mastered per week/ });
    expect(within(table).getByRole('row', { name: /^eng: DEV.1 Testing \(Developer skills\)/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^eng: CASE.9 Writes clear commit messages \(Imported standard\)/ }))
      .toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^eng: c-gone / })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Line chart/ })).toHaveTextContent('eng: CASE.9 Writes clear commit messages (Imported standard)');
  });

  it('namesTheOneFrameworkInTheCaption_andNotOnEverySeries', async () => {
    platform().on('GET', '/api/analytics/trend', trendJson);
    renderApp('/analytics/trend');

    const table = await screen.findByRole('table', { name: /; competencies of Developer skills$/ });
    expect(within(table).getByRole('row', { name: /^eng: DEV.1 Testing 38%/ })).toBeInTheDocument();
  });

  it('listsTheLinesBelowTheChart_onANarrowScreen', async () => {
    const width = window.innerWidth;
    try {
      window.innerWidth = 390;
      platform().on('GET', '/api/analytics/trend', trendJson);
      renderApp('/analytics/trend');

      const lines = await screen.findByRole('list', { name: 'Lines of the chart' });
      expect(within(lines).getByRole('listitem')).toHaveTextContent('eng: DEV.1 Testing');
    } finally {
      window.innerWidth = width;
    }
  });

  it('leavesTheLegendInTheChart_onAWideScreen', async () => {
    platform().on('GET', '/api/analytics/trend', trendJson);
    renderApp('/analytics/trend');

    await screen.findByRole('table', { name: /Share mastered per week/ });
    expect(screen.queryByRole('list', { name: 'Lines of the chart' })).toBeNull();
  });

  it('pagesTheSeries_whenMoreThanEightWouldCrowdTheChart', async () => {
    const series = Array.from({ length: 10 }, (_, i) => ({ ...trendJson.series[0]!, unit: `unit-${i + 1}` }));
    platform().on('GET', '/api/analytics/trend', { ...trendJson, series });
    const { user } = renderApp('/analytics/trend');

    const table = await screen.findByRole('table', { name: /Share mastered per week/ });
    expect(screen.getByText('Series 1 to 8 of 10; choose a competency or a group to narrow them down.')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 8);
    expect(within(table).queryByRole('row', { name: /unit-9: / })).toBeNull();

    const pages = screen.getByRole('navigation', { name: 'Trend series pages' });
    expect(pages).toHaveTextContent('Page 1 of 2');
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));

    expect(screen.getByText('Series 9 to 10 of 10; choose a competency or a group to narrow them down.')).toBeInTheDocument();
    const next = screen.getByRole('table', { name: /Share mastered per week/ });
    expect(within(next).getAllByRole('row')).toHaveLength(1 + 2);
    expect(within(next).getByRole('row', { name: /unit-10: / })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Line chart/ })).toHaveTextContent('unit-10: ');
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('showsTheProblem_whenTheTrendFails', async () => {
    platform().on('GET', '/api/analytics/trend', problem(503, 'Analytics is rebuilding', {}, 'req-503'));
    renderApp('/analytics/trend');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Analytics is rebuilding');
    expect(alert).toHaveTextContent('req-503');
  });

  it('comparesTimesToMasteryPerGroupAndPerSourceMix_eachWithItsOwnCsv', async () => {
    const fake = platform().on('GET', '/api/analytics/time-to-mastery', timeToMasteryJson);
    renderApp('/analytics/time-to-mastery?frameworkId=f1');

    const rows = await screen.findByRole('table', { name: /per group and competency/ });
    expect(within(rows).getByRole('row', { name: 'DEV.1 Testing eng 9 12.5 d 20 d' })).toBeInTheDocument();
    expect(within(rows).getByRole('row', { name: /DEV.1 Testing sales/ })).toHaveTextContent('hidden (fewer than 5 people)');
    const mixes = screen.getByRole('table', { name: /per competency and mix of evidence sources/ });
    expect(within(mixes).getByRole('row', { name: 'DEV.1 Testing OBSERVATION + QUIZ 6 9 d 14 d' })).toBeInTheDocument();
    expect(within(mixes).getByRole('row', { name: /QUIZ hidden/ })).toBeInTheDocument();

    const call = fake.callsTo('GET', '/api/analytics/time-to-mastery')[0];
    expectCsvOf(screen.getByRole('link', { name: 'Download CSV (time to mastery per group)' }), call);
    const mixLink = screen.getByRole('link', { name: 'Download CSV (time to mastery per source mix)' });
    expect(params(mixLink.getAttribute('href')!)).toEqual({ frameworkId: 'f1', view: 'source-mix', format: 'csv' });
  });

  it('ranksSkillGapsByGapScore_withHiddenGroupsInWords', async () => {
    platform().on('GET', '/api/analytics/gaps', gapsAnalyticsJson);
    renderApp('/analytics/gaps?limit=5');

    const table = await screen.findByRole('table', { name: 'Requirements ranked by gap score' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent(/^1DEV.3 ObservabilityBackend developerProficient29 of 1418eng: 5 of 7sales: hidden \(fewer than 5 people\)$/);
    expect(second).toHaveTextContent(/^2DEV.1 Testing/);
    expect(screen.getByRole('img', { name: /Bar chart of the gap score per requirement/ })).toBeInTheDocument();
    expect(params(screen.getByRole('link', { name: 'Download CSV (skill gaps)' }).getAttribute('href')!)).toEqual({ limit: '5', format: 'csv' });
  });

  it('stacksTheEvidenceFlowBySource_withVoidsAndTheUnrequiredShare', async () => {
    platform().on('GET', '/api/analytics/evidence-flow', evidenceFlowJson);
    renderApp('/analytics/evidence?interval=week');

    const table = await screen.findByRole('table', { name: /Evidence recorded per week/ });
    expect(within(table).getByRole('row', { name: '30 Nov 2026 5 (1 voided) 40 (2 voided)' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: '23 Nov 2026 0 30 (0 voided)' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent('Total5 (1 voided)70 (2 voided)');
    expect(screen.getByText(/12% of the evidence kept is on competencies no published role profile requires/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Stacked bar chart of the evidence recorded per week and source/ })).toHaveTextContent('Observation, Quiz');
  });

  it('keepsTheCoachingListFromAnAnalyst_andExplainsTheRefusal', async () => {
    platform().on('GET', '/api/analytics/coaching', problem(403, 'Analysts see aggregates only', {}, 'req-403'))
      .on('GET', '/api/analytics/gaps', gapsAnalyticsJson);
    const { user } = renderApp('/analytics/coaching');

    const alert = (await screen.findByText(/The coaching list names people/)).closest('[role="alert"]');
    expect(alert).toHaveTextContent('Analysts see aggregates only');
    expect(alert).toHaveTextContent('req-403');
    expect(screen.queryByRole('region', { name: /Stalled/ })).not.toBeInTheDocument();
    const views = screen.getByRole('navigation', { name: 'Analytics views' });
    expect(within(views).queryByRole('link', { name: 'Coaching list' })).not.toBeInTheDocument();

    await user.click(within(views).getByRole('link', { name: 'Skill gaps' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Skill gaps' })).toBeInTheDocument();
    expect(within(views).getByRole('link', { name: 'Skill gaps' })).toHaveAttribute('aria-current', 'page');
  });

  it('listsPeopleToCoach_withReasonsAndLinksToTheirPages_forAManager', async () => {
    // Analytics knows people by id: the names come from learner-profiles, the team first, then a member's profile.
    const fake = platform(['MANAGER'], ['team-1']).on('GET', '/api/analytics/coaching', coachingJson)
      .on('GET', '/api/teams/team-1', { ...teamJson, members: teamJson.members.slice(0, 1) })
      .on('GET', '/api/learners/learner-2', { ...profileJson, profile: { ...profileJson.profile, learnerId: 'learner-2', displayName: 'Grace Learner' } });
    renderApp('/analytics/coaching?stalledWeeks=6');

    const stalled = await screen.findByRole('region', { name: /Stalled/ });
    expect(within(stalled).getByRole('link', { name: 'Ada Learner' })).toHaveAttribute('href', '/learners/learner-1');
    expect(await screen.findAllByRole('link', { name: 'Grace Learner' })).toHaveLength(2);
    expect(fake.callsTo('GET', '/api/teams/team-1')).toHaveLength(1);
    expect(fake.callsTo('GET', '/api/learners/learner-1')).toHaveLength(0);
    expect(stalled).toHaveTextContent('3 pieces of evidence since 2026-10-12 and the level stayed DEVELOPING');
    expect(stalled).toHaveTextContent('Since 12 Oct 2026.');
    const expiring = screen.getByRole('region', { name: /Expiring/ });
    expect(within(expiring).getByRole('link', { name: /c-test/ })).toHaveAttribute('href', '/learners/learner-2/competencies/c-test');
    expect(expiring).toHaveTextContent('Expires 2 Jan 2027.');
    const close = screen.getByRole('region', { name: /Close to ready/ });
    expect(within(close).getByRole('link', { name: /gaps and next steps/ })).toHaveAttribute('href', '/learners/learner-2/gaps');
    expectCsvOf(screen.getByRole('link', { name: 'Download CSV (coaching list)' }), fake.callsTo('GET', '/api/analytics/coaching')[0]);
  });

  it('showsPeopleByTheirId_whenLearnerProfilesCannotNameThem', async () => {
    platform(['MANAGER'], ['team-1']).on('GET', '/api/analytics/coaching', coachingJson)
      .on('GET', '/api/teams/team-1', problem(503, 'Read models are being rebuilt'))
      .on('GET', /^\/api\/learners\/learner-\d$/, problem(404, 'No such learner'));
    renderApp('/analytics/coaching');

    const stalled = await screen.findByRole('region', { name: /Stalled/ });
    expect(await within(stalled).findByRole('link', { name: 'learner-1' })).toHaveAttribute('href', '/learners/learner-1');
    expect(within(stalled).queryByText(/Ada Learner/)).not.toBeInTheDocument();
  });

  it('showsOneLearnersMastery_toAnAdministrator', async () => {
    platform(['ADMIN']).on('GET', '/api/analytics/learners/learner-ada/mastery', [
      { competencyId: 'c1', frameworkId: 'f1', frameworkVersion: 2, level: 'PROFICIENT', score: 0.8, mastered: true, changedAt: '2026-01-02T10:00:00Z' },
    ]);
    const { user } = renderApp('/analytics/learner');

    await user.type(await screen.findByLabelText('Learner id'), 'learner-ada');
    await user.click(screen.getByRole('button', { name: 'Show learner' }));

    const table = await screen.findByRole('table', { name: 'Current mastery of learner-ada' });
    expect(within(table).getByRole('row', { name: /DEV.1 Testing PROFICIENT 0.80 Yes/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Download CSV/ })).toHaveAttribute('href', '/api/analytics/learners/learner-ada/mastery?format=csv');
  });
});
